using Microsoft.EntityFrameworkCore;

namespace CitySort.Planning;

/// <summary>The EF Core mapping of the planning entities, applied by <see cref="Storage.CitySortDbContext"/>.</summary>
internal static class PlanningModel
{
    private const int CodeLength = 32;
    private const int NameLength = 200;
    private const int ReasonLength = 400;

    /// <summary>Maps <see cref="DailyPlan"/>, <see cref="PlannedTrip"/>, <see cref="PlannedStop"/> and <see cref="UnservedSite"/>.</summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyPlan>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.AreaCode).HasMaxLength(CodeLength);
            e.Property(p => p.DistrictCode).HasMaxLength(CodeLength);
            e.Property(p => p.ProfileId).HasMaxLength(CodeLength);
            e.Property(p => p.ProfileVersion).HasMaxLength(CodeLength);
            e.Property(p => p.DepotName).HasMaxLength(NameLength);
            e.HasIndex(p => new { p.Date, p.AreaCode, p.Category }).IsUnique();
            e.HasMany(p => p.Trips).WithOne().HasForeignKey(t => t.DailyPlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Unserved).WithOne().HasForeignKey(u => u.DailyPlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PlannedTrip>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.VehiclePlate).HasMaxLength(16);
            e.Property(t => t.FacilityCode).HasMaxLength(CodeLength);
            e.Property(t => t.FacilityName).HasMaxLength(NameLength);
            e.HasMany(t => t.Stops).WithOne().HasForeignKey(s => s.PlannedTripId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => t.VehiclePlate);
        });

        modelBuilder.Entity<PlannedStop>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.SiteCode).HasMaxLength(CodeLength);
            e.Property(s => s.SiteName).HasMaxLength(NameLength);
            e.HasIndex(s => s.SiteCode);
        });

        modelBuilder.Entity<UnservedSite>(e =>
        {
            e.HasKey(u => u.Id);
            e.Property(u => u.SiteCode).HasMaxLength(CodeLength);
            e.Property(u => u.SiteName).HasMaxLength(NameLength);
            e.Property(u => u.Reason).HasMaxLength(ReasonLength);
        });
    }
}
