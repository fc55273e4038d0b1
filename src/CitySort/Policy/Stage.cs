namespace CitySort.Policy;

/// <summary>A stage of the plan's work (W96-S1..S3) with its period; stages do not overlap.</summary>
/// <param name="Id">Profile id, e.g. <c>W96-S2</c>.</param>
/// <param name="Clause">The clause, <c>W96-S</c>.</param>
/// <param name="Name">Chinese and English names.</param>
/// <param name="Period">The days it runs.</param>
/// <param name="Tasks">What is done in it.</param>
/// <param name="Note">How the plan's wording was read into dates, when that needed a choice.</param>
public sealed record Stage(string Id, string Clause, LocalizedText Name, DatePeriod Period, IReadOnlyList<LocalizedText> Tasks, LocalizedText? Note);
