using System.Globalization;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Demo;

/// <summary>
/// Keeps the demo city apart from the city's real records (DESIGN.md, "Illustrative is marked"): says how many
/// illustrative records the registry holds, and removes every one of them in one transaction
/// (<c>citysort demo remove</c>, <c>POST /api/demo/remove</c>), leaving only the real records. The removal is recorded,
/// so that the server does not seed the demo city again at its next start.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="time">The clock that stamps the removal.</param>
/// <param name="audit">Records the removal in the audit trail, in its transaction.</param>
public sealed class DemoRegistry(IDbContextFactory<CitySortDbContext> contextFactory, TimeProvider time, CitySort.Audit.AuditRecorder audit)
{
    /// <summary>Counts the illustrative records per table.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts.</returns>
    public async Task<DemoStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await CountAsync(db, cancellationToken);
    }

    /// <summary>
    /// Removes every illustrative record (plans over them, lines with their stops, vehicles, haulers, facilities, sites
    /// with their bins, communities, streets and districts) and the illustrative boundaries of real districts, in one
    /// transaction. Demo districts and streets that real records lie in are kept as real (<see cref="DemoRemoval.Adopted"/>);
    /// when a real record refers to an illustrative one that cannot be kept, nothing is removed and the reasons are listed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the removal; nothing is removed then.</param>
    /// <returns>What was removed, or why nothing was.</returns>
    public async Task<DemoRemoval> RemoveAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var blockers = await BlockersAsync(db, cancellationToken);
        if (blockers.Count > 0)
        {
            return new DemoRemoval(new DemoStatus(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, blockers);
        }

        var adopted = await AdoptAsync(db, cancellationToken);
        var removed = await CountAsync(db, cancellationToken);

        var plans = db.DailyPlans.Where(p => p.IsIllustrative).Select(p => p.Id);
        var trips = db.PlannedTrips.Where(t => plans.Contains(t.DailyPlanId)).Select(t => t.Id);
        await db.PlannedStops.Where(s => trips.Contains(s.PlannedTripId)).ExecuteDeleteAsync(cancellationToken);
        await db.PlannedTrips.Where(t => plans.Contains(t.DailyPlanId)).ExecuteDeleteAsync(cancellationToken);
        await db.UnservedSites.Where(u => plans.Contains(u.DailyPlanId)).ExecuteDeleteAsync(cancellationToken);
        await db.DailyPlans.Where(p => p.IsIllustrative).ExecuteDeleteAsync(cancellationToken);

        var lines = db.DedicatedLines.Where(l => l.IsIllustrative).Select(l => l.Code);
        await db.DedicatedLineStops.Where(s => lines.Contains(s.LineCode)).ExecuteDeleteAsync(cancellationToken);
        await db.DedicatedLines.Where(l => l.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Vehicles.Where(v => v.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Haulers.Where(h => h.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Facilities.Where(f => f.IsIllustrative).ExecuteDeleteAsync(cancellationToken);

        var sites = db.Sites.Where(s => s.IsIllustrative).Select(s => s.Code);
        await db.Bins.Where(b => sites.Contains(b.SiteCode)).ExecuteDeleteAsync(cancellationToken);
        await db.Sites.Where(s => s.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Communities.Where(c => c.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Streets.Where(s => s.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Districts.Where(d => d.IsIllustrative).ExecuteDeleteAsync(cancellationToken);
        await db.Districts.Where(d => d.BoundaryIsIllustrative).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.BoundaryGeoJson, (string?)null)
                .SetProperty(d => d.BoundarySourceDatum, (CoordinateDatum?)null)
                .SetProperty(d => d.BoundarySource, (string?)null)
                .SetProperty(d => d.MinLongitude, (double?)null)
                .SetProperty(d => d.MinLatitude, (double?)null)
                .SetProperty(d => d.MaxLongitude, (double?)null)
                .SetProperty(d => d.MaxLatitude, (double?)null)
                .SetProperty(d => d.BoundaryIsIllustrative, false),
            cancellationToken);

        var stamp = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var mark = await db.RegistrySettings.FirstOrDefaultAsync(s => s.Key == RegistrySetting.DemoRemovedKey, cancellationToken);
        if (mark is null)
        {
            db.RegistrySettings.Add(new RegistrySetting { Key = RegistrySetting.DemoRemovedKey, Value = stamp });
        }
        else
        {
            mark.Value = stamp;
        }

        // The bulk removal bypasses the tracked records, so it is recorded as one entry with its counts.
        audit.Add(db, "demo-removed", "DemoCity", "demo", removed, new { adopted });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DemoRemoval(removed, adopted, []);
    }

    private static async Task<DemoStatus> CountAsync(CitySortDbContext db, CancellationToken cancellationToken) => new(
        await db.Districts.CountAsync(d => d.IsIllustrative, cancellationToken),
        await db.Streets.CountAsync(s => s.IsIllustrative, cancellationToken),
        await db.Communities.CountAsync(c => c.IsIllustrative, cancellationToken),
        await db.Sites.CountAsync(s => s.IsIllustrative, cancellationToken),
        await db.Facilities.CountAsync(f => f.IsIllustrative, cancellationToken),
        await db.Haulers.CountAsync(h => h.IsIllustrative, cancellationToken),
        await db.Vehicles.CountAsync(v => v.IsIllustrative, cancellationToken),
        await db.DedicatedLines.CountAsync(l => l.IsIllustrative, cancellationToken),
        await db.DailyPlans.CountAsync(p => p.IsIllustrative, cancellationToken),
        await db.Districts.CountAsync(d => d.BoundaryIsIllustrative, cancellationToken));

    /// <summary>Marks as real the demo streets and districts that real sites, streets or communities lie in.</summary>
    private static async Task<int> AdoptAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var realSites = db.Sites.Where(s => !s.IsIllustrative);
        var streets = await db.Streets
            .Where(s => s.IsIllustrative && (realSites.Any(r => r.StreetCode == s.Code) || db.Communities.Any(c => !c.IsIllustrative && c.StreetCode == s.Code)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsIllustrative, false), cancellationToken);
        var districts = await db.Districts
            .Where(d => d.IsIllustrative && (realSites.Any(r => r.DistrictCode == d.Code) || db.Streets.Any(s => !s.IsIllustrative && s.DistrictCode == d.Code)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsIllustrative, false), cancellationToken);
        return streets + districts;
    }

    /// <summary>Real records that refer to illustrative ones that are not divisions (those are adopted instead).</summary>
    private static async Task<List<string>> BlockersAsync(CitySortDbContext db, CancellationToken cancellationToken)
    {
        var blockers = new List<string>();
        var vehicles = await db.Vehicles.Where(v => !v.IsIllustrative && v.Hauler != null && v.Hauler.IsIllustrative)
            .Select(v => new { v.Plate, v.HaulerCode }).ToListAsync(cancellationToken);
        blockers.AddRange(vehicles.Select(v => $"vehicle {v.Plate} is run by the illustrative hauler {v.HaulerCode}: import the real hauler first"));
        var lines = await db.DedicatedLines.Where(l => !l.IsIllustrative && l.Facility != null && l.Facility.IsIllustrative)
            .Select(l => new { l.Code, l.FacilityCode }).ToListAsync(cancellationToken);
        blockers.AddRange(lines.Select(l => $"line {l.Code} ends at the illustrative facility {l.FacilityCode}: import the real facility first"));
        var stops = await db.DedicatedLineStops
            .Where(s => s.Site != null && s.Site.IsIllustrative && db.DedicatedLines.Any(l => l.Code == s.LineCode && !l.IsIllustrative))
            .Select(s => new { s.LineCode, s.SiteCode }).ToListAsync(cancellationToken);
        blockers.AddRange(stops.Select(s => $"line {s.LineCode} stops at the illustrative site {s.SiteCode}: import the line without it first"));
        return blockers;
    }
}
