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
/// and never throws. Every message goes to <see cref="LiveHub.CityGroup"/>; a position also to the
/// <see cref="LiveHub.DistrictGroup"/> of the vehicle's registered district, and each district whose vehicles or sites
/// had accepted events gets its own notice with its own count (rejections are counted for the city only: a refused
/// event's district is not known), so that a district officer's connection hears of no other district; likewise a
/// position and a notice counting its vehicles' events go to the <see cref="LiveHub.HaulerGroup"/> of the vehicle's hauler.
/// </summary>
public sealed class LiveFeed : BackgroundService, ICommittedEventSink
{
    private readonly VehiclePositionBoard board;
    private readonly IHubContext<LiveHub> hub;
    private readonly LiveOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<LiveFeed> logger;
    private readonly RegistrySnapshotSource registry;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock gate = new();
    private Dictionary<string, VehiclePosition> pendingPositions = new(StringComparer.Ordinal);
    private readonly SortedSet<DateOnly> pendingDays = [];
    private readonly List<(string? Plate, string? Site)> pendingEvents = [];
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
    /// <param name="registry">The registry's vehicles and sites with their districts (the groups of each message).</param>
    public LiveFeed(VehiclePositionBoard board, IHubContext<LiveHub> hub, LiveOptions options, TimeProvider time, ILogger<LiveFeed> logger, RegistrySnapshotSource registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        this.registry = registry;
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
            pendingEvents.AddRange(batch.Accepted.Select(e => e switch
            {
                PickupEvent p => ((string?)p.VehiclePlate, (string?)p.SiteCode),
                GpsFixEvent g => (g.VehiclePlate, null),
                WeighTicketEvent w => (w.VehiclePlate, null),
                InspectionFindingEvent i => (null, i.SiteCode),
                _ => (null, null),
            }));
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
        List<(string? Plate, string? Site)> events = [];
        lock (gate)
        {
            positions = pendingPositions;
            pendingPositions = new Dictionary<string, VehiclePosition>(StringComparer.Ordinal);
            if (noticePending && time.GetElapsedTime(lastNoticeTimestamp) >= options.BatchNoticeInterval)
            {
                notice = new BatchCommittedMessage(
                    pendingDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(), pendingAccepted, pendingRejected);
                pendingDays.Clear();
                events = [.. pendingEvents];
                pendingEvents.Clear();
                pendingAccepted = 0;
                pendingRejected = 0;
                noticePending = false;
                lastNoticeTimestamp = time.GetTimestamp();
            }
        }

        try
        {
            var snapshot = positions.Count > 0 || notice is not null ? await registry.GetAsync(cancellationToken) : null;
            foreach (var position in positions.Values.OrderBy(p => p.Plate, StringComparer.Ordinal))
            {
                var message = VehiclePositionMessage.From(position);
                await hub.Clients.Group(LiveHub.CityGroup).SendAsync(LiveHub.VehiclePositionMethod, message, cancellationToken);
                if (snapshot!.Vehicles.TryGetValue(position.Plate, out var vehicle))
                {
                    await hub.Clients.Group(LiveHub.DistrictGroup(vehicle.DistrictCode)).SendAsync(LiveHub.VehiclePositionMethod, message, cancellationToken);
                    if (vehicle.HaulerCode is { Length: > 0 } hauler)
                    {
                        await hub.Clients.Group(LiveHub.HaulerGroup(hauler)).SendAsync(LiveHub.VehiclePositionMethod, message, cancellationToken);
                    }
                }
            }

            if (notice is not null)
            {
                await hub.Clients.Group(LiveHub.CityGroup).SendAsync(LiveHub.BatchCommittedMethod, notice, cancellationToken);
                var byDistrict = events
                    .Select(e => e.Plate is { } plate && snapshot!.Vehicles.TryGetValue(plate, out var v) ? v.DistrictCode
                        : e.Site is { } site && snapshot!.Sites.TryGetValue(site, out var s) ? s.DistrictCode : null)
                    .OfType<string>()
                    .GroupBy(d => d, StringComparer.Ordinal);
                foreach (var district in byDistrict.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    await hub.Clients.Group(LiveHub.DistrictGroup(district.Key)).SendAsync(
                        LiveHub.BatchCommittedMethod, notice with { AcceptedCount = district.Count(), RejectedCount = 0 }, cancellationToken);
                }

                // A hauler hears of its own vehicles' events alone (an event at a site without a vehicle is nobody's).
                var byHauler = events
                    .Select(e => e.Plate is { } plate && snapshot!.Vehicles.TryGetValue(plate, out var v) ? v.HaulerCode : null)
                    .Where(h => !string.IsNullOrEmpty(h))
                    .GroupBy(h => h!, StringComparer.Ordinal);
                foreach (var hauler in byHauler.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    await hub.Clients.Group(LiveHub.HaulerGroup(hauler.Key)).SendAsync(
                        LiveHub.BatchCommittedMethod, notice with { AcceptedCount = hauler.Count(), RejectedCount = 0 }, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A dashboard that cannot be reached must not stop the feed; the next send tries again.
            logger.LogWarning(ex, "The live feed could not send to the dashboards");
        }
    }
}
