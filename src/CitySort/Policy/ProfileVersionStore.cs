using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Policy;

/// <summary>
/// Keeps every profile version put in force (<see cref="StoredProfileVersion"/>) and which one is active now (registry
/// setting <see cref="ActiveKey"/>), in one transaction; both changes go into the audit trail like any other, so the
/// trail shows when the active profile changed, from what to what.
/// </summary>
/// <param name="contextFactory">Creates database contexts.</param>
/// <param name="clock">The clock.</param>
public sealed class ProfileVersionStore(IDbContextFactory<CitySortDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The registry setting that names the active profile: <c>id@version sha256:…</c>.</summary>
    public const string ActiveKey = "profile.active";

    /// <summary>Records <paramref name="profile"/> as the profile in force; does nothing when it already is.</summary>
    /// <param name="profile">The loaded profile.</param>
    /// <param name="sourceJson">Its file's text, or null when it was given in code.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored version.</returns>
    public async Task<StoredProfileVersion> ActivateAsync(PolicyProfile profile, string? sourceJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceJson ?? profile.Id + "@" + profile.Version)));
        var active = string.Create(CultureInfo.InvariantCulture, $"{profile.Id}@{profile.Version} sha256:{hash}");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ProfileVersions.FirstOrDefaultAsync(v => v.Sha256 == hash, cancellationToken);
        if (stored is null)
        {
            stored = new StoredProfileVersion { Sha256 = hash, ProfileId = profile.Id, Version = profile.Version, SourceJson = sourceJson, FirstActiveAt = clock.GetUtcNow().ToUniversalTime() };
            db.ProfileVersions.Add(stored);
        }

        var setting = await db.RegistrySettings.FirstOrDefaultAsync(s => s.Key == ActiveKey, cancellationToken);
        if (setting is null)
        {
            db.RegistrySettings.Add(new RegistrySetting { Key = ActiveKey, Value = active });
        }
        else
        {
            setting.Value = active;
        }

        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    /// <summary>Every stored version, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<StoredProfileVersion>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProfileVersions.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(v => v.FirstActiveAt).ToList();
    }
}
