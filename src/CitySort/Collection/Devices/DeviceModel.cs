using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection.Devices;

/// <summary>The EF Core mapping of <see cref="Device"/>, applied by <see cref="Storage.CitySortDbContext"/>.</summary>
internal static class DeviceModel
{
    /// <summary>Maps the <c>Devices</c> table.</summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Device>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(DeviceService.MaxIdLength);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.VehiclePlate).HasMaxLength(16);
            e.Property(d => d.FacilityCode).HasMaxLength(32);
            e.Property(d => d.TimeZoneId).HasMaxLength(64);
            e.Property(d => d.SecretHash).HasMaxLength(128);
            e.Ignore(d => d.IsRevoked);
            e.HasIndex(d => d.VehiclePlate);
            e.HasIndex(d => d.FacilityCode);
        });
    }
}
