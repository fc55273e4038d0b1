using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CitySort.Storage;
using Microsoft.Extensions.Logging;

namespace CitySort.Collection;

/// <summary>
/// Stores the doors' refusals as rejections (docs/events.md, "Refusals at the doors"), bounded so that a flood of bad
/// logins or foreign topics cannot fill the disk: in each UTC minute at most <see cref="PerClientPerMinute"/> refusals
/// of one client (the presented device id together with the MQTT client id or HTTP peer address) and at most
/// <see cref="PerMinute"/> in all are stored one by one; the rest are counted, and when the minute is over each client
/// with refusals beyond its cap gets one summary row (<see cref="ReasonCodes.RefusalsDropped"/>) carrying the count,
/// and the refusals beyond the overall cap one more under the device id <c>(many)</c>. <see cref="Record"/> never
/// blocks a door and never throws: rows are written on a loop of their own, in their own transactions, outside the
/// intake's event path.
/// </summary>
public sealed class DoorRefusalRecorder : IAsyncDisposable
{
    /// <summary>Refusals of one client stored one by one in one minute.</summary>
    public const int PerClientPerMinute = 10;

    /// <summary>Refusals of all clients stored one by one in one minute.</summary>
    public const int PerMinute = 600;

    /// <summary>The device id of the summary of refusals beyond <see cref="PerMinute"/>.</summary>
    public const string ManyClients = "(many)";

    private const int MaxRowsPerWrite = 500;

    private readonly CollectionEventStore store;
    private readonly TimeProvider clock;
    private readonly ILogger<DoorRefusalRecorder> logger;
    private readonly Channel<object> queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock gate = new();
    private readonly Dictionary<(string DeviceId, string? ClientId), Window> clients = [];
    private readonly ITimer timer;
    private readonly Task writer;
    private DateTimeOffset minute = DateTimeOffset.MinValue;
    private int storedThisMinute;
    private long droppedBeyondAll;
    private long droppedTotal;

    /// <summary>Creates the recorder and starts its writer and its minute timer.</summary>
    /// <param name="store">Where the rows go.</param>
    /// <param name="clock">The clock of the minutes.</param>
    /// <param name="logger">Logs failed writes.</param>
    public DoorRefusalRecorder(CollectionEventStore store, TimeProvider clock, ILogger<DoorRefusalRecorder> logger)
    {
        this.store = store;
        this.clock = clock;
        this.logger = logger;
        writer = Task.Run(WriteLoopAsync);
        timer = clock.CreateTimer(_ => CloseMinuteIfOver(), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>Refusals counted but not stored one by one since the start (each is in a summary row once its minute is over).</summary>
    public long DroppedCount => Interlocked.Read(ref droppedTotal);

    /// <summary>Takes a refusal: queued to be stored, or counted when its client or the minute is over its cap.</summary>
    /// <param name="refusal">The refusal; its <see cref="DoorRefusal.RefusedAt"/> decides its minute.</param>
    public void Record(DoorRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        lock (gate)
        {
            var at = MinuteOf(refusal.RefusedAt);
            if (at > minute)
            {
                CloseMinute(at);
            }

            var key = (refusal.DeviceId, refusal.ClientId);
            if (clients.TryGetValue(key, out var window))
            {
                if (window.Stored < PerClientPerMinute && storedThisMinute < PerMinute)
                {
                    window.Stored++;
                    storedThisMinute++;
                    queue.Writer.TryWrite(refusal);
                    return;
                }

                window.Dropped++;
            }
            else if (storedThisMinute < PerMinute)
            {
                clients[key] = new Window { Stored = 1 };
                storedThisMinute++;
                queue.Writer.TryWrite(refusal);
                return;
            }
            else
            {
                droppedBeyondAll++;
            }

            Interlocked.Increment(ref droppedTotal);
        }
    }

    /// <summary>Completes when every refusal recorded before the call that is to be stored has been written.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(done))
        {
            return Task.CompletedTask;
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes the summaries of the current minute and everything queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await timer.DisposeAsync();
        lock (gate)
        {
            CloseMinute(DateTimeOffset.MaxValue);
        }

        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    private void CloseMinuteIfOver()
    {
        lock (gate)
        {
            var now = MinuteOf(clock.GetUtcNow());
            if (now > minute && (clients.Count > 0 || droppedBeyondAll > 0))
            {
                CloseMinute(now);
            }
        }
    }

    /// <summary>Queues the summaries of the minute that ends and starts <paramref name="next"/> (under the lock).</summary>
    private void CloseMinute(DateTimeOffset next)
    {
        if (minute != DateTimeOffset.MinValue)
        {
            var end = minute.AddMinutes(1);
            foreach (var ((deviceId, clientId), window) in clients)
            {
                if (window.Dropped > 0)
                {
                    queue.Writer.TryWrite(Summary(end, deviceId, clientId, window.Dropped, $"at most {PerClientPerMinute} a minute per client"));
                }
            }

            if (droppedBeyondAll > 0)
            {
                queue.Writer.TryWrite(Summary(end, ManyClients, null, droppedBeyondAll, $"at most {PerMinute} a minute in all"));
            }
        }

        clients.Clear();
        storedThisMinute = 0;
        droppedBeyondAll = 0;
        minute = next;
    }

    private static DoorRefusal Summary(DateTimeOffset end, string deviceId, string? clientId, long dropped, string cap)
    {
        var from = end.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var to = end.ToString("HH:mm", CultureInfo.InvariantCulture);
        var capZh = deviceId == ManyClients ? $"全部客户端每分钟至多 {PerMinute} 条" : $"每个客户端每分钟至多 {PerClientPerMinute} 条";
        var problem = new EventProblem(
            ReasonCodes.RefusalsDropped,
            $"{dropped} further refusal(s) between {from} and {to} UTC were counted but not stored one by one ({cap})",
            $"{from} 至 {to}（UTC）另有 {dropped} 次拒绝只计数、未逐条保存（{capZh}）");
        return new DoorRefusal(end, deviceId, clientId, "doors", null, null, problem, Encoding.UTF8.GetBytes(string.Empty), dropped);
    }

    private async Task WriteLoopAsync()
    {
        var reader = queue.Reader;
        var rows = new List<DoorRefusal>();
        var flushes = new List<TaskCompletionSource>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            rows.Clear();
            flushes.Clear();
            while (rows.Count < MaxRowsPerWrite && reader.TryRead(out var item))
            {
                if (item is DoorRefusal refusal)
                {
                    rows.Add(refusal);
                }
                else if (item is TaskCompletionSource flush)
                {
                    flushes.Add(flush);
                }
            }

            try
            {
                await store.InsertDoorRefusalsAsync(rows, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A refusal that cannot be stored is logged; the doors go on answering.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "{Count} door refusals could not be stored", rows.Count);
            }

            foreach (var flush in flushes)
            {
                flush.TrySetResult();
            }
        }
    }

    private sealed class Window
    {
        public int Stored { get; set; }

        public long Dropped { get; set; }
    }
}
