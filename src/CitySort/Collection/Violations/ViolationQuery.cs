namespace CitySort.Collection.Violations;

/// <summary>Filters of the violation list; every one optional.</summary>
/// <param name="From">First business day, inclusive.</param>
/// <param name="To">Last business day, inclusive.</param>
/// <param name="District">Only violations of this district code.</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="Status">Only this status.</param>
public sealed record ViolationQuery(DateOnly? From = null, DateOnly? To = null, string? District = null, ViolationKind? Kind = null, ViolationStatus? Status = null);
