using CitySort.Collection;

namespace CitySort.Cli.Commands;

/// <summary>
/// The MQTT baseline of <c>bench ingest</c>: an intake that stores nothing and answers every event accepted, so that
/// the same broker, door and client measure everything but the intake.
/// </summary>
internal sealed class NoOpEventIntake : IEventIntake
{
    /// <summary>Answers every event <see cref="IntakeOutcome.Accepted"/> at once.</summary>
    public Task<IReadOnlyList<IntakeResult>> SubmitAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IntakeResult>>(events.Select((_, i) => new IntakeResult(i, null, IntakeOutcome.Accepted)).ToArray());

    /// <summary>Same as <see cref="SubmitAsync"/>.</summary>
    public Task<IReadOnlyList<IntakeResult>> SubmitFileAsync(DeviceIdentity device, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken) =>
        SubmitAsync(device, events, cancellationToken);
}
