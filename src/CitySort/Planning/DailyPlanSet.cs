namespace CitySort.Planning;

/// <summary>The plans of one business day, per area and category, with notes on what was not planned and why.</summary>
/// <param name="Date">The business day.</param>
/// <param name="Plans">The plans, ordered by area code and category.</param>
/// <param name="Notes">Groups not planned and why (no dedicated vehicle of the category, no planning setting), in words.</param>
public sealed record DailyPlanSet(DateOnly Date, IReadOnlyList<DailyPlan> Plans, IReadOnlyList<string> Notes)
{
    /// <summary>All due sites over the plans.</summary>
    public int DueSiteCount => Plans.Sum(p => p.DueSiteCount);

    /// <summary>All unserved sites over the plans.</summary>
    public int UnservedCount => Plans.Sum(p => p.Unserved.Count);
}
