namespace CitySort.Collection;

/// <summary>One device's events within a <see cref="IEventIntake.SubmitManyAsync"/> call.</summary>
/// <param name="Device">The authenticated device that sent them.</param>
/// <param name="Events">At most <see cref="IEventIntake.MaxBatchSize"/> events, in arrival order.</param>
public sealed record DeviceBatch(DeviceIdentity Device, IReadOnlyList<IncomingEvent> Events);
