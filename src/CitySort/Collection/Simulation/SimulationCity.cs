using CitySort.Demo;
using CitySort.Planning;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Collection.Simulation;

/// <summary>What the simulator plays a day from: the registry, the day's stored plans and the illustrative rates.</summary>
/// <param name="Sites">The registry's sites with their bins.</param>
/// <param name="Vehicles">Every vehicle: the dedicated ones of the plans and the other-waste fleet (no dedicated category).</param>
/// <param name="Facilities">The registry's facilities.</param>
/// <param name="Plans">The day's stored plans of the dedicated lines (<see cref="DailyPlanService"/>).</param>
/// <param name="Rules">The profile's planning rules (shift, speed, detour, service and unloading times, time zone).</param>
/// <param name="Demo">The demo spec: residual waste per site and the other-waste fleet's figures (<see cref="DemoResidualFleetSpec"/>).</param>
/// <param name="AreaOf">The planning area of a site (<see cref="DailyPlanService.AreaOf"/>).</param>
public sealed record SimulationCity(
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Vehicle> Vehicles,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyList<DailyPlan> Plans,
    PlanningRules Rules,
    DemoCitySpec Demo,
    Func<Site, string> AreaOf);
