namespace CitySort.Collection;

/// <summary>
/// Told of what a committed intake batch added, after the commit (the live dashboard's SignalR feed is one). A sink
/// must not throw for its own failures and must not block: the intake has already answered the device.
/// </summary>
public interface ICommittedEventSink
{
    /// <summary>Receives the batch's accepted events and any violations it raised, in commit order.</summary>
    /// <param name="batch">What the committed batch added.</param>
    /// <param name="cancellationToken">Stops the sink.</param>
    ValueTask PublishAsync(CommittedBatch batch, CancellationToken cancellationToken);
}
