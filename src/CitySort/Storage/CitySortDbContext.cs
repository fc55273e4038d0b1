using CitySort.Audit;
using CitySort.Collection.Devices;
using CitySort.Collection.Violations;
using CitySort.Planning;
using CitySort.Registry;
using CitySort.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Storage;

/// <summary>
/// The EF Core context of the registry (DESIGN.md, "Storage"): divisions, sites with their bins, facilities, haulers,
/// vehicles and dedicated lines, each keyed by its natural key (division codes, site codes, plates). Created through
/// <see cref="StorageOptions.ApplyTo"/> or <see cref="StorageServiceCollectionExtensions.AddCitySortStorage"/>.
/// </summary>
/// <param name="options">The provider options.</param>
public sealed class CitySortDbContext(DbContextOptions<CitySortDbContext> options) : IdentityDbContext<CitySortUser>(options)
{
    private const int CodeLength = 32;
    private const int NameLength = 200;
    private const int SourceLength = 260;

    /// <summary>Districts (county-level divisions).</summary>
    public DbSet<District> Districts => Set<District>();

    /// <summary>Streets (township-level divisions).</summary>
    public DbSet<Street> Streets => Set<Street>();

    /// <summary>Communities (village-level divisions).</summary>
    public DbSet<Community> Communities => Set<Community>();

    /// <summary>Sorting sites.</summary>
    public DbSet<Site> Sites => Set<Site>();

    /// <summary>Bins of the sites.</summary>
    public DbSet<Bin> Bins => Set<Bin>();

    /// <summary>Treatment, disposal and transfer facilities.</summary>
    public DbSet<Facility> Facilities => Set<Facility>();

    /// <summary>Collection and transport operators.</summary>
    public DbSet<Hauler> Haulers => Set<Hauler>();

    /// <summary>Sorted-transport vehicles.</summary>
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();

    /// <summary>Dedicated sorted-transport lines.</summary>
    public DbSet<DedicatedLine> DedicatedLines => Set<DedicatedLine>();

    /// <summary>Stops of the dedicated lines.</summary>
    public DbSet<DedicatedLineStop> DedicatedLineStops => Set<DedicatedLineStop>();

    /// <summary>Facts about the registry as a whole (such as the removal of the demo city).</summary>
    public DbSet<RegistrySetting> RegistrySettings => Set<RegistrySetting>();

    /// <summary>Daily plans of the dedicated vehicles, one per date, area and category.</summary>
    public DbSet<DailyPlan> DailyPlans => Set<DailyPlan>();

    /// <summary>Trips of the daily plans.</summary>
    public DbSet<PlannedTrip> PlannedTrips => Set<PlannedTrip>();

    /// <summary>Stops of the planned trips.</summary>
    public DbSet<PlannedStop> PlannedStops => Set<PlannedStop>();

    /// <summary>Due sites the daily plans could not serve, with the reason.</summary>
    public DbSet<UnservedSite> UnservedSites => Set<UnservedSite>();

    /// <summary>Registered devices (vehicle units, weighbridges, inspectors' handsets) with their hashed secrets.</summary>
    public DbSet<Device> Devices => Set<Device>();
    /// <summary>Violations found in what the vehicles did, with their review (W96-K5, W96-T3, W96-R1, W96-K3).</summary>
    public DbSet<Violation> Violations => Set<Violation>();

    /// <summary>The proving events of the violations.</summary>
    public DbSet<ViolationEvidence> ViolationEvidence => Set<ViolationEvidence>();

    /// <summary>Every policy profile version once in force.</summary>
    public DbSet<CitySort.Policy.StoredProfileVersion> ProfileVersions => Set<CitySort.Policy.StoredProfileVersion>();

    /// <summary>The audit trail (append-only: the database refuses updates and deletes of it).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <inheritdoc />
    /// <remarks>
    /// Raises <see cref="IRetirableRecord.Version"/> by one for every added or changed site, vehicle, facility and line,
    /// and for the site (line) whose bins (stops) changed, so that an edit made from an older version is refused
    /// (<see cref="DbUpdateConcurrencyException"/>) whoever changed the record: an import or another edit.
    /// </remarks>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Raises the versions as <see cref="SaveChangesAsync(bool, CancellationToken)"/> does.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RaiseVersions()
    {
        var changed = new HashSet<IRetirableRecord>(ReferenceEqualityComparer.Instance);
        var sites = ChangeTracker.Entries<Site>().ToDictionary(e => e.Entity.Code, e => e.Entity, StringComparer.Ordinal);
        var lines = ChangeTracker.Entries<DedicatedLine>().ToDictionary(e => e.Entity.Code, e => e.Entity, StringComparer.Ordinal);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            IRetirableRecord? record = entry.Entity switch
            {
                IRetirableRecord own when entry.State != EntityState.Deleted => own,
                Bin bin => sites.GetValueOrDefault(bin.SiteCode),
                DedicatedLineStop stop => lines.GetValueOrDefault(stop.LineCode),
                _ => null,
            };
            if (record is not null)
            {
                changed.Add(record);
            }
        }

        foreach (var record in changed)
        {
            var entry = Entry(record);
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            {
                entry.Property(nameof(IRetirableRecord.Version)).CurrentValue = (int)entry.Property(nameof(IRetirableRecord.Version)).OriginalValue! + 1;
            }
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The user accounts, roles and their claims (ASP.NET Core Identity's tables), in the same database.
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<CitySortUser>(e =>
        {
            e.Property(u => u.ScopeDistrictCodes).HasMaxLength(SourceLength);
            e.Property(u => u.ScopeHaulerCode).HasMaxLength(CodeLength);
        });

        modelBuilder.Entity<District>(e =>
        {
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(RegistryValidator.DistrictCodeLength);
            e.Property(d => d.NameZh).HasMaxLength(NameLength);
            e.Property(d => d.NameEn).HasMaxLength(NameLength);
            e.Property(d => d.BoundarySource).HasMaxLength(SourceLength);
            e.Property(d => d.Source).HasMaxLength(SourceLength);
            e.HasMany(d => d.Streets).WithOne(s => s.District).HasForeignKey(s => s.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Street>(e =>
        {
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(RegistryValidator.StreetCodeLength);
            e.Property(s => s.DistrictCode).HasMaxLength(RegistryValidator.DistrictCodeLength);
            e.Property(s => s.Name).HasMaxLength(NameLength);
            e.Property(s => s.Source).HasMaxLength(SourceLength);
            e.HasMany(s => s.Communities).WithOne(c => c.Street).HasForeignKey(c => c.StreetCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Community>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(RegistryValidator.CommunityCodeLength);
            e.Property(c => c.StreetCode).HasMaxLength(RegistryValidator.StreetCodeLength);
            e.Property(c => c.Name).HasMaxLength(NameLength);
            e.Property(c => c.Source).HasMaxLength(SourceLength);
        });

        modelBuilder.Entity<Site>(e =>
        {
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(CodeLength);
            e.Property(s => s.Name).HasMaxLength(NameLength);
            e.Property(s => s.Address).HasMaxLength(NameLength);
            e.Property(s => s.DistrictCode).HasMaxLength(RegistryValidator.DistrictCodeLength);
            e.Property(s => s.StreetCode).HasMaxLength(RegistryValidator.StreetCodeLength);
            e.Property(s => s.CommunityCode).HasMaxLength(RegistryValidator.CommunityCodeLength);
            e.Property(s => s.Source).HasMaxLength(SourceLength);
            e.HasOne(s => s.District).WithMany().HasForeignKey(s => s.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Street).WithMany().HasForeignKey(s => s.StreetCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Community).WithMany().HasForeignKey(s => s.CommunityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(s => s.Bins).WithOne().HasForeignKey(b => b.SiteCode).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => new { s.DistrictCode, s.Type });
            e.Property(s => s.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Bin>(e =>
        {
            e.HasKey(b => b.Id);
            e.Property(b => b.SiteCode).HasMaxLength(CodeLength);
        });

        modelBuilder.Entity<Facility>(e =>
        {
            e.HasKey(f => f.Code);
            e.Property(f => f.Code).HasMaxLength(CodeLength);
            e.Property(f => f.Name).HasMaxLength(NameLength);
            e.Property(f => f.Clause).HasMaxLength(CodeLength);
            e.Property(f => f.Source).HasMaxLength(SourceLength);
            e.Property(f => f.GateFeeYuanPerTonne).HasPrecision(12, 2);
            e.Property(f => f.DailyCapacityTonnes).HasPrecision(12, 2);
            e.Property(f => f.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Hauler>(e =>
        {
            e.HasKey(h => h.Code);
            e.Property(h => h.Code).HasMaxLength(CodeLength);
            e.Property(h => h.Name).HasMaxLength(NameLength);
            e.Property(h => h.Licence).HasMaxLength(NameLength);
            e.Property(h => h.Franchise).HasMaxLength(NameLength);
            e.Property(h => h.Source).HasMaxLength(SourceLength);
        });

        modelBuilder.Entity<Vehicle>(e =>
        {
            e.HasKey(v => v.Plate);
            e.Property(v => v.Plate).HasMaxLength(16);
            e.Property(v => v.DistrictCode).HasMaxLength(RegistryValidator.DistrictCodeLength);
            e.Property(v => v.AreaCode).HasMaxLength(CodeLength);
            e.Property(v => v.HaulerCode).HasMaxLength(CodeLength);
            e.Property(v => v.CapacityCubicMetres).HasPrecision(8, 2);
            e.HasOne(v => v.District).WithMany().HasForeignKey(v => v.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(v => v.Hauler).WithMany().HasForeignKey(v => v.HaulerCode).OnDelete(DeleteBehavior.Restrict);
            e.Property(v => v.Source).HasMaxLength(SourceLength);
            e.Property(v => v.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<DedicatedLine>(e =>
        {
            e.HasKey(l => l.Code);
            e.Property(l => l.Code).HasMaxLength(CodeLength);
            e.Property(l => l.Name).HasMaxLength(NameLength);
            e.Property(l => l.DistrictCode).HasMaxLength(RegistryValidator.DistrictCodeLength);
            e.Property(l => l.AreaCode).HasMaxLength(CodeLength);
            e.Property(l => l.FacilityCode).HasMaxLength(CodeLength);
            e.Property(l => l.VehiclePlate).HasMaxLength(16);
            e.Property(l => l.Source).HasMaxLength(SourceLength);
            e.HasOne(l => l.District).WithMany().HasForeignKey(l => l.DistrictCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(l => l.Facility).WithMany().HasForeignKey(l => l.FacilityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(l => l.Stops).WithOne().HasForeignKey(s => s.LineCode).OnDelete(DeleteBehavior.Cascade);
            e.Property(l => l.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<DedicatedLineStop>(e =>
        {
            e.HasKey(s => new { s.LineCode, s.Sequence });
            e.Property(s => s.LineCode).HasMaxLength(CodeLength);
            e.Property(s => s.SiteCode).HasMaxLength(CodeLength);
            e.HasOne(s => s.Site).WithMany().HasForeignKey(s => s.SiteCode).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<RegistrySetting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(64);
            e.Property(s => s.Value).HasMaxLength(NameLength);
        });

        modelBuilder.Entity<CitySort.Policy.StoredProfileVersion>(e =>
        {
            e.ToTable("ProfileVersions");
            e.HasKey(v => v.Sha256);
            e.Property(v => v.Sha256).HasMaxLength(64);
            e.Property(v => v.ProfileId).HasMaxLength(CodeLength * 2);
            e.Property(v => v.Version).HasMaxLength(CodeLength);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedOnAdd();
            e.Property(a => a.Actor).HasMaxLength(AuditEntry.MaxActorLength);
            e.Property(a => a.Origin).HasMaxLength(AuditEntry.MaxOriginLength);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Entity).HasMaxLength(64);
            e.Property(a => a.Key).HasMaxLength(NameLength);
            if (Database.IsSqlite())
            {
                // SQLite compares instants only as numbers: UTC ticks, so that the time filter runs in the database.
                e.Property(a => a.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            }

            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Entity, a.Key });
            e.HasIndex(a => a.Actor);
        });

        PlanningModel.Configure(modelBuilder);
        DeviceModel.Configure(modelBuilder);
        ViolationModel.Configure(modelBuilder);
    }
}
