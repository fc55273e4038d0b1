using System.Text;
using CitySort.Policy;
using CitySort.Registry;

namespace CitySort.Planning;

/// <summary>
/// Which sites are due on a date and how much each holds (setting <c>planning</c>, CitySort's choice): a site served
/// by a round of frequency f days has the phase FNV-1a-32(UTF-8 of its trimmed code) mod f and is due on every day d
/// with (d − phase) mod f = 0, where d counts days from 0001-01-01 (<see cref="DateOnly.DayNumber"/>). The phase
/// spreads a round's sites evenly over its days and never changes while the code does not. Pure functions.
/// </summary>
public static class DueSiteSelector
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The 32-bit FNV-1a hash of the UTF-8 bytes of <paramref name="siteCode"/> trimmed (Fowler, Noll, Vo).</summary>
    /// <param name="siteCode">A site code.</param>
    /// <returns>The hash; e.g. "a" gives 0xE40C292C.</returns>
    public static uint StableHash(string siteCode)
    {
        ArgumentNullException.ThrowIfNull(siteCode);
        var hash = FnvOffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(siteCode.Trim()))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }

    /// <summary>The day of the cycle on which <paramref name="siteCode"/> is collected, 0..frequency−1.</summary>
    /// <param name="siteCode">A site code.</param>
    /// <param name="frequencyDays">The round's frequency, at least 1.</param>
    /// <returns><see cref="StableHash"/> mod <paramref name="frequencyDays"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequencyDays"/> is less than 1.</exception>
    public static int PhaseOf(string siteCode, int frequencyDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencyDays, 1);
        return (int)(StableHash(siteCode) % (uint)frequencyDays);
    }

    /// <summary>Whether a site with <paramref name="siteCode"/> collected every <paramref name="frequencyDays"/> days is due on <paramref name="date"/>.</summary>
    /// <param name="siteCode">A site code.</param>
    /// <param name="frequencyDays">The round's frequency, at least 1 (1 = every day).</param>
    /// <param name="date">The business day (Asia/Shanghai calendar day).</param>
    /// <returns>True when (date.DayNumber − phase) mod frequency = 0.</returns>
    public static bool IsDue(string siteCode, int frequencyDays, DateOnly date)
    {
        var phase = PhaseOf(siteCode, frequencyDays);
        return ((date.DayNumber - phase) % frequencyDays + frequencyDays) % frequencyDays == 0;
    }

    /// <summary>
    /// Kilograms a collection of <paramref name="rule"/>'s category takes from <paramref name="site"/>: Σ over the
    /// bins the category's vehicles empty of count × volume L × fill fraction × density kg/L, rounded up to a whole kg.
    /// </summary>
    /// <param name="site">A site with its bins.</param>
    /// <param name="rule">The category's planning figures.</param>
    /// <returns>Whole kg, 0 when the site has no such bin.</returns>
    public static long DemandKg(Site site, CategoryPlanning rule)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(rule);
        var kg = 0m;
        foreach (var bin in site.Bins.Where(rule.Empties))
        {
            kg += bin.Count * (decimal)bin.VolumeLitres * rule.FillFraction * rule.DensityKgPerLitre;
        }

        return (long)Math.Ceiling(kg);
    }

    /// <summary>
    /// The sites due on <paramref name="date"/> for <paramref name="rule"/>'s category: served by one of its rounds,
    /// collected sorted when the rules ask for it, due by their phase, and holding more than 0 kg. Ordered by code.
    /// </summary>
    /// <param name="sites">Candidate sites with their bins.</param>
    /// <param name="rules">The planning rules (for <see cref="PlanningRules.CollectedSortedOnly"/>).</param>
    /// <param name="rule">The category's planning figures.</param>
    /// <param name="date">The business day.</param>
    /// <param name="areaOf">The planning area of a site.</param>
    /// <returns>The due sites.</returns>
    public static IReadOnlyList<DueSite> Select(IEnumerable<Site> sites, PlanningRules rules, CategoryPlanning rule, DateOnly date, Func<Site, string> areaOf)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(areaOf);
        var due = new List<DueSite>();
        foreach (var site in sites.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            if (rules.CollectedSortedOnly && !site.CollectedSorted)
            {
                continue;
            }

            if (rule.RoundFor(site) is not { } round || !IsDue(site.Code, round.FrequencyDays, date))
            {
                continue;
            }

            var kg = DemandKg(site, rule);
            if (kg > 0)
            {
                due.Add(new DueSite(site.Code, site.Name, areaOf(site), new GeoPoint(site.Longitude, site.Latitude), kg, round.FrequencyDays));
            }
        }

        return due;
    }
}
