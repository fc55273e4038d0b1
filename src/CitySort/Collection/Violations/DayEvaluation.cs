namespace CitySort.Collection.Violations;

/// <summary>What a day-end evaluation did.</summary>
/// <param name="BusinessDay">The day evaluated.</param>
/// <param name="Judged">False when the day had no pickup at all, so the day-end kinds were not judged (a day without data is not a day of failures).</param>
/// <param name="VehicleCount">How many vehicles' days were evaluated.</param>
/// <param name="DueSiteCount">How many sites were due for a same-day-clearance category.</param>
/// <param name="OpenCount">Open violations of the day after the evaluation.</param>
/// <param name="TotalCount">All violations of the day after the evaluation (open and reviewed).</param>
public sealed record DayEvaluation(DateOnly BusinessDay, bool Judged, int VehicleCount, int DueSiteCount, int OpenCount, int TotalCount);
