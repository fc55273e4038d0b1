namespace CitySort.Collection;

/// <summary>
/// The only door for events (DESIGN.md): parse, validate against the registry and the profile, de-duplicate by event
/// id per device, append in one transaction together with the rollups the events change, and only then answer. The
/// MQTT, HTTP and CSV doors all call it; a door acknowledges (PUBACK, 2xx) only after <see cref="SubmitAsync"/>
/// has returned.
/// </summary>
public interface IEventIntake
{
    /// <summary>The most events one <see cref="SubmitAsync"/> call takes (also the HTTP batch limit).</summary>
    const int MaxBatchSize = 1000;

    /// <summary>The largest payload of one event in bytes; a larger one is rejected with reason <c>too-large</c>.</summary>
    const int MaxPayloadBytes = 16 * 1024;

    /// <summary>
    /// Takes in a batch of events from one device. Returns one result per event, in order, after the transaction
    /// that stores the accepted events, their rollups and the rejections has committed.
    /// </summary>
    /// <param name="device">The authenticated device that sent the batch.</param>
    /// <param name="events">At most <see cref="MaxBatchSize"/> events.</param>
    /// <param name="cancellationToken">Cancels before the commit; after it the results stand.</param>
    /// <returns>One <see cref="IntakeResult"/> per event, with <see cref="IntakeResult.Index"/> equal to its position.</returns>
    /// <exception cref="ArgumentException">When the batch is larger than <see cref="MaxBatchSize"/>.</exception>
    Task<IReadOnlyList<IntakeResult>> SubmitAsync(
        DeviceIdentity device,
        IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken);

    /// <summary>
    /// Takes in several devices' batches that arrived together (the MQTT door's messages of many connections) as if each
    /// were given to <see cref="SubmitAsync"/>, but so that the intake may store them all in one transaction (one
    /// commit instead of one per device). Returns after that commit.
    /// </summary>
    /// <param name="batches">The devices' batches, each of at most <see cref="MaxBatchSize"/> events.</param>
    /// <param name="cancellationToken">Cancels before the commit; after it the results stand.</param>
    /// <returns>Per batch, in order, what <see cref="SubmitAsync"/> would return for it.</returns>
    /// <exception cref="ArgumentException">When a batch is larger than <see cref="MaxBatchSize"/>.</exception>
    async Task<IReadOnlyList<IReadOnlyList<IntakeResult>>> SubmitManyAsync(IReadOnlyList<DeviceBatch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return await Task.WhenAll(batches.Select(b => SubmitAsync(b.Device, b.Events, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes in a whole file's events (the CSV door) in one transaction of any size: when any event is rejected or
    /// conflicts, nothing is stored except the rejections themselves, and every result says so; duplicates of stored
    /// events do not spoil the file (importing the same file twice changes nothing).
    /// </summary>
    /// <param name="device">The device or office account the file is imported for.</param>
    /// <param name="events">The file's events, in row order.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    /// <returns>One result per event; when any is not accepted or duplicate, the accepted ones are reported with
    /// <see cref="IntakeOutcome.Rejected"/> and reason code <c>file-rejected</c> because nothing of the file was stored.</returns>
    Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(
        DeviceIdentity device,
        IReadOnlyList<IncomingEvent> events,
        CancellationToken cancellationToken);
}
