using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection.Violations;

/// <summary>The EF Core mapping of <see cref="Violation"/> and <see cref="ViolationEvidence"/>, applied by <see cref="Storage.CitySortDbContext"/>.</summary>
internal static class ViolationModel
{
    /// <summary>Maps the violation tables: a unique key, indexes for the list filters, evidence cascading with its violation.</summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Violation>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Key).HasMaxLength(320);
            e.HasIndex(v => v.Key).IsUnique();
            e.Property(v => v.ClauseId).HasMaxLength(16);
            e.Property(v => v.VehiclePlate).HasMaxLength(16);
            e.Property(v => v.SiteCode).HasMaxLength(32);
            e.Property(v => v.FacilityCode).HasMaxLength(32);
            e.Property(v => v.ProfileId).HasMaxLength(64);
            e.Property(v => v.ProfileVersion).HasMaxLength(32);
            e.Property(v => v.DistrictCode).HasMaxLength(32);
            e.Property(v => v.Description).HasMaxLength(2000);
            e.Property(v => v.DescriptionZh).HasMaxLength(2000);
            e.Property(v => v.ReviewedBy).HasMaxLength(200);
            e.Property(v => v.ReviewReason).HasMaxLength(2000);
            e.HasIndex(v => new { v.BusinessDay, v.Kind });
            e.HasIndex(v => new { v.VehiclePlate, v.BusinessDay });
            e.HasIndex(v => v.Status);
            e.HasMany(v => v.Evidence).WithOne().HasForeignKey(x => x.ViolationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ViolationEvidence>(e =>
        {
            e.ToTable("ViolationEvidence");
            e.HasKey(x => new { x.ViolationId, x.Ordinal });
            e.Property(x => x.DeviceId).HasMaxLength(64);
            e.Property(x => x.EventId).HasMaxLength(64);
            e.HasIndex(x => new { x.DeviceId, x.EventId });
        });
    }
}
