namespace CitySort.Demo;

/// <summary>
/// How many illustrative (demo) records the registry holds, per table (DESIGN.md, "Illustrative is marked"). The
/// dashboard shows its banner while <see cref="Present"/> is true.
/// </summary>
/// <param name="Districts">Districts the demo made up.</param>
/// <param name="Streets">Streets the demo added from its short list.</param>
/// <param name="Communities">Communities the demo made up.</param>
/// <param name="Sites">Sites (with their bins) the demo made up.</param>
/// <param name="Facilities">Facilities with illustrative values.</param>
/// <param name="Haulers">Haulers the demo made up.</param>
/// <param name="Vehicles">Vehicles the demo made up.</param>
/// <param name="DedicatedLines">Dedicated lines the demo made up.</param>
/// <param name="DailyPlans">Stored plans over illustrative vehicles or sites.</param>
/// <param name="IllustrativeBoundaries">Districts (real or not) whose boundary is the demo's illustrative shape.</param>
public sealed record DemoStatus(
    int Districts,
    int Streets,
    int Communities,
    int Sites,
    int Facilities,
    int Haulers,
    int Vehicles,
    int DedicatedLines,
    int DailyPlans,
    int IllustrativeBoundaries)
{
    /// <summary>True when any illustrative record or boundary is in the registry.</summary>
    public bool Present => Districts + Streets + Communities + Sites + Facilities + Haulers + Vehicles + DedicatedLines + DailyPlans + IllustrativeBoundaries > 0;
}
