using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>
/// The profile's figures the violation rules read (DESIGN.md "Profile first"): which categories and streams may not be
/// mixed and must travel sealed (collection modes, W96-K5), which are cleared the same day and by when (W96-K3,
/// setting <c>planning.shiftEnd</c>), which streams the vehicles of a category also empty (setting
/// <c>planning.categories[].streams</c>, so a kitchen-waste vehicle emptying catering bins is not mixing), and the
/// off-line figures (setting <c>routeChecks</c>).
/// </summary>
/// <param name="MixingForbiddenCategories">Categories of a collection mode with <c>mixingForbidden</c>.</param>
/// <param name="MixingForbiddenStreams">Streams of a collection mode with <c>mixingForbidden</c>.</param>
/// <param name="SealedCategories">Categories of a collection mode with <c>sealedTransport</c>.</param>
/// <param name="SealedStreams">Streams of a collection mode with <c>sealedTransport</c>.</param>
/// <param name="SameDayClearanceCategories">Categories of a collection mode with <c>sameDayClearance</c> (other waste, W96-K3).</param>
/// <param name="ClearanceTime">The local time (Asia/Shanghai) by which a due site must be cleared.</param>
/// <param name="SameVehicleStreams">Per category, the streams its vehicles also empty.</param>
/// <param name="RouteChecks">The off-line figures, or null when the profile has no <c>routeChecks</c> (then no off-line check).</param>
public sealed record ViolationRules(
    IReadOnlySet<WasteCategory> MixingForbiddenCategories,
    IReadOnlySet<SpecialStream> MixingForbiddenStreams,
    IReadOnlySet<WasteCategory> SealedCategories,
    IReadOnlySet<SpecialStream> SealedStreams,
    IReadOnlySet<WasteCategory> SameDayClearanceCategories,
    TimeOnly ClearanceTime,
    IReadOnlyDictionary<WasteCategory, IReadOnlyList<SpecialStream>> SameVehicleStreams,
    RouteCheckRules? RouteChecks)
{
    /// <summary>The business day's offset: the Asia/Shanghai calendar day, UTC+8 without daylight saving.</summary>
    public static readonly TimeSpan BusinessDayOffset = TimeSpan.FromHours(8);

    /// <summary>The clearance time when the profile has no <c>planning</c> setting: the end of the day (23:59:59).</summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <summary>The rules of <paramref name="profile"/>.</summary>
    /// <param name="profile">A loaded policy profile.</param>
    /// <returns>The figures the rules read.</returns>
    public static ViolationRules From(PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var planning = profile.Settings.Planning?.Value;
        var streams = new Dictionary<WasteCategory, IReadOnlyList<SpecialStream>>();
        foreach (var c in planning?.Categories ?? [])
        {
            streams[c.Category] = c.Streams.ToArray();
        }

        return new ViolationRules(
            profile.CollectionModes.Where(m => m.MixingForbidden).SelectMany(m => m.Categories).ToHashSet(),
            profile.CollectionModes.Where(m => m.MixingForbidden).SelectMany(m => m.Streams).ToHashSet(),
            profile.CollectionModes.Where(m => m.SealedTransport).SelectMany(m => m.Categories).ToHashSet(),
            profile.CollectionModes.Where(m => m.SealedTransport).SelectMany(m => m.Streams).ToHashSet(),
            profile.CollectionModes.Where(m => m.SameDayClearance).SelectMany(m => m.Categories).ToHashSet(),
            planning?.ShiftEnd ?? EndOfDay,
            streams,
            profile.Settings.RouteChecks?.Value);
    }

    /// <summary>
    /// The load class of <paramref name="load"/>: a stream that the vehicles of some category also empty counts as that
    /// category (catering with kitchen waste in the shipped profile); anything else is itself.
    /// </summary>
    /// <param name="load">A pickup's or a dedication's load.</param>
    /// <returns>The class that may travel together.</returns>
    public WasteLoad ClassOf(WasteLoad load)
    {
        if (load.Category is null && load.Stream is { } s)
        {
            foreach (var (category, list) in SameVehicleStreams.OrderBy(p => p.Key))
            {
                if (list.Contains(s))
                {
                    return new WasteLoad(category, null);
                }
            }
        }

        return load;
    }

    /// <summary>Whether mixing <paramref name="load"/> with another class is forbidden (W96-K5).</summary>
    /// <param name="load">A load.</param>
    /// <returns>True when its category or stream is under a <c>mixingForbidden</c> mode.</returns>
    public bool IsMixingForbidden(WasteLoad load) =>
        (load.Category is { } c && MixingForbiddenCategories.Contains(c)) || (load.Stream is { } s && MixingForbiddenStreams.Contains(s));

    /// <summary>Whether <paramref name="load"/> must travel sealed (W96-K5).</summary>
    /// <param name="load">A load.</param>
    /// <returns>True when its category or stream is under a <c>sealedTransport</c> mode.</returns>
    public bool MustBeSealed(WasteLoad load) =>
        (load.Category is { } c && SealedCategories.Contains(c)) || (load.Stream is { } s && SealedStreams.Contains(s));

    /// <summary>The instant the clearance time falls on <paramref name="day"/>.</summary>
    /// <param name="day">A business day.</param>
    /// <returns>The day at <see cref="ClearanceTime"/>, UTC+8.</returns>
    public DateTimeOffset ClearanceInstant(DateOnly day) => new(day.ToDateTime(ClearanceTime), BusinessDayOffset);

    /// <summary>
    /// The business day whose clearance time is the latest at or before <paramref name="now"/>: the day a day-end
    /// evaluation run at <paramref name="now"/> judges (today once today's clearance time has passed, else yesterday).
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The business day.</returns>
    public DateOnly LastClearedDay(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(BusinessDayOffset).DateTime);
        return now >= ClearanceInstant(today) ? today : today.AddDays(-1);
    }

    /// <summary>The first clearance instant strictly after <paramref name="now"/>, when the next day-end evaluation is due.</summary>
    /// <param name="now">The current instant.</param>
    /// <returns>The next day's or today's clearance instant.</returns>
    public DateTimeOffset NextClearanceInstant(DateTimeOffset now) => ClearanceInstant(LastClearedDay(now).AddDays(1));
}
