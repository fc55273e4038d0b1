using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>Progress of <see cref="DailyPlanService.PlanAsync"/>: reported when a plan starts and when it is done.</summary>
/// <param name="Done">Plans finished so far.</param>
/// <param name="Total">Plans to make.</param>
/// <param name="AreaCode">The area being planned.</param>
/// <param name="Category">The category being planned.</param>
/// <param name="DueSites">Sites due in that plan.</param>
/// <param name="Finished">False when the plan starts, true when it is done.</param>
public sealed record PlanningProgress(int Done, int Total, string AreaCode, WasteCategory Category, int DueSites, bool Finished);
