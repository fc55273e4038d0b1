using CitySort.Audit;
using CitySort.Collection.Devices;
using CitySort.Demo;
using CitySort.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CitySort.Storage;

/// <summary>Registers the registry storage and the services built on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StorageOptions"/> (singleton), an <see cref="IDbContextFactory{TContext}"/> and a scoped
    /// <see cref="CitySortDbContext"/>, <see cref="DatabaseMigrator"/>, <see cref="ImportService"/>,
    /// <see cref="DemoCityGenerator"/>, <see cref="DemoCitySeeder"/>, <see cref="DemoRegistry"/>, <see cref="DeviceService"/>
    /// and (unless a clock is registered already) <see cref="TimeProvider.System"/>; the audit trail's
    /// <see cref="AuditSaveChangesInterceptor"/> on every context, <see cref="AuditRecorder"/> and <see cref="AuditLog"/>,
    /// with <see cref="AuditActor.CommandLine"/> as the actor unless an <see cref="IAuditActorSource"/> is registered first.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Which database to use.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCitySortStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        // Every save writes its audit trail in the same transaction; the actor is the CLI user unless the host says otherwise.
        services.TryAddSingleton<IAuditActorSource>(new FixedAuditActorSource(AuditActor.CommandLine));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditSaveChangesInterceptor>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CitySort.Policy.ProfileVersionStore>();
        services.AddDbContextFactory<CitySortDbContext>((provider, builder) =>
            options.ApplyTo(builder).AddInterceptors(provider.GetRequiredService<AuditSaveChangesInterceptor>()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<DemoCityGenerator>();
        services.AddSingleton<DemoCitySeeder>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeviceService>();
        services.AddSingleton<DemoRegistry>();
        return services;
    }
}
