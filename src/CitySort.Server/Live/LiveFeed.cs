using System.Globalization;
using System.Threading.Channels;
using CitySort.Collection;
using CitySort.Collection.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitySort.Server.Live;

/// <summary>
/// The live dashboard's feed: an <see cref="ICommittedEventSink"/> told of every committed intake batch. It keeps each
/// vehicle's latest fix by device time in a <see cref="VehiclePositionBoard"/> (a late older fix never moves a vehicle
/// backwards) and, from a background loop, sends the vehicles that moved as <c>"vehiclePosition"</c> messages (coalesced
/// per <see cref="LiveOptions.PositionInterval"/>) and the sum of the batches as one <c>"batchCommitted"</c> message at
/// most once per <see cref="LiveOptions.BatchNoticeInterval"/>. <see cref="PublishAsync"/> never blocks on the clients
/// and never throws.
/// </summary>
public sealed class LiveFeed : BackgroundService, ICommittedEventSink
{
    private readonly VehiclePositionBoard board;
    private readonly IHubContext<LiveHub> hub;
    private readonly LiveOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<LiveFeed> logger;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock gate = new();
    private Dictionary<string, VehiclePosition> pendingPositions = new(StringComparer.Ordinal);
    private readonly SortedSet<DateOnly> pendingDays = [];
    private int pendingAccepted;
    private int pendingRejected;
    private bool noticePending;
    private long lastNoticeTimestamp;

    /// <summary>Creates the feed.</summary>
    /// <param name="board">The latest positions, shared with <c>GET /api/vehicles/positions</c>.</param>
    /// <param name="hub">The hub's clients.</param>
    /// <param name="options">The send intervals.</param>
    /// <param name="time">The clock of the throttle.</param>
    /// <param name="logger">Where failed sends are logged.</param>
    public LiveFeed(VehiclePositionBoard board, IHubContext<LiveHub> hub, LiveOptions options, TimeProvider time, ILogger<LiveFeed> logger)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.board = board;
        this.hub = hub;
        this.options = options;
        this.time = time;
        this.logger = logger;
        lastNoticeTimestamp = time.GetTimestamp() - (long)(options.BatchNoticeInterval.TotalSeconds * time.TimestampFrequency);
    }

    /// <inheritdoc />
    public ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            return ValueTask.CompletedTask;
        }

        var moved = board.Apply(batch.Accepted);
        lock (gate)
        {
            foreach (var position in moved)
            {
                pendingPositions[position.Plate] = position;
            }

            pendingDays.UnionWith(batch.BusinessDays);
            pendingAccepted += batch.Accepted.Count;
            pendingRejected += batch.RejectedCount;
            noticePending = true;
        }

        wake.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                wake.Reader.TryRead(out _);
                await FlushAsync(stoppingToken);
                await Task.Delay(options.PositionInterval, time, stoppingToken);
                bool again;
                lock (gate)
                {
                    again = noticePending || pendingPositions.Count > 0;
                }

                if (again)
                {
                    wake.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, VehiclePosition> positions;
        BatchCommittedMessage? notice = null;
        lock (gate)
        {
            positions = pendingPositions;
            pendingPositions = new Dictionary<string, VehiclePosition>(StringComparer.Ordinal);
            if (noticePending && time.GetElapsedTime(lastNoticeTimestamp) >= options.BatchNoticeInterval)
            {
                notice = new BatchCommittedMessage(
                    pendingDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(), pendingAccepted, pendingRejected);
                pendingDays.Clear();
                pendingAccepted = 0;
                pendingRejected = 0;
                noticePending = false;
                lastNoticeTimestamp = time.GetTimestamp();
            }
        }

        try
        {
            foreach (var position in positions.Values.OrderBy(p => p.Plate, StringComparer.Ordinal))
            {
                await hub.Clients.All.SendAsync(LiveHub.VehiclePositionMethod, VehiclePositionMessage.From(position), cancellationToken);
            }

            if (notice is not null)
            {
                await hub.Clients.All.SendAsync(LiveHub.BatchCommittedMethod, notice, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A dashboard that cannot be reached must not stop the feed; the next send tries again.
            logger.LogWarning(ex, "The live feed could not send to the dashboards");
        }
    }
}
