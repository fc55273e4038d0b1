namespace CitySort.Collection.PlanActual;

/// <summary>Planned vs actual for one business day: one <see cref="LineActual"/> per planned vehicle, with the day's totals.</summary>
/// <param name="Date">The business day.</param>
/// <param name="Lines">Per plan and vehicle, ordered by area, category and plate.</param>
public sealed record PlanActualReport(DateOnly Date, IReadOnlyList<LineActual> Lines)
{
    /// <summary>Planned stops over all lines.</summary>
    public int PlannedStops => Lines.Sum(l => l.PlannedStops);

    /// <summary>Visited planned stops over all lines.</summary>
    public int VisitedStops => Lines.Sum(l => l.Visited.Count);

    /// <summary>Missed stops over all lines.</summary>
    public int MissedStops => Lines.Sum(l => l.Missed.Count);

    /// <summary>Out-of-plan visits over all lines.</summary>
    public int OutOfPlanVisits => Lines.Sum(l => l.OutOfPlan.Count);

    /// <summary>Planned metres over all lines.</summary>
    public long PlannedDistanceMetres => Lines.Sum(l => l.PlannedDistanceMetres);

    /// <summary>Driven metres over all lines.</summary>
    public long DrivenDistanceMetres => Lines.Sum(l => l.DrivenDistanceMetres);
}
