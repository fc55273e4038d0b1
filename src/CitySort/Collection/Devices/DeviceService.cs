using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CitySort.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Collection.Devices;

/// <summary>
/// The registered devices (issue 9, "every device authenticates"): adds a device with a generated secret stored only
/// as a PBKDF2 hash, lists and revokes devices, and authenticates a device by id and secret into the
/// <see cref="DeviceIdentity"/> its events carry. A successful check is remembered in memory by the SHA-256 of the
/// secret, so a device that sends often costs one primary-key read per check rather than one PBKDF2 derivation.
/// Revocation is checked here, whatever a caller remembers: a device revoked through this instance fails its next
/// check at once, and one revoked by another process (<c>citysort devices revoke</c> beside <c>serve</c>) as soon as
/// <see cref="RefreshRevocationsAsync"/> has read it (the server does so on a timer, docs/events.md "Devices"), and
/// also at once while the row is read on each check.
/// </summary>
/// <param name="contextFactory">Creates contexts for the configured database.</param>
/// <param name="clock">The clock of the created and revoked timestamps.</param>
public sealed partial class DeviceService(IDbContextFactory<CitySortDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The longest device id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The id of the anonymous demo device (demo mode only); no registered device may take it.</summary>
    public const string DemoDeviceId = "demo";

    private readonly ConcurrentDictionary<string, (string StoredHash, byte[] SecretDigest)> _verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    /// <summary>The identity of the anonymous demo device: kind <see cref="DeviceKind.Demo"/>, everything it sends illustrative.</summary>
    public static DeviceIdentity DemoIdentity { get; } = new(DemoDeviceId, DeviceKind.Demo);

    /// <summary>
    /// Registers a device: checks the id (unused, 1–64 of <c>A–Z a–z 0–9 . _ -</c>), the kind (vehicle, weighbridge
    /// or inspector), that a vehicle names a registered plate and a weighbridge a registered facility (and nothing
    /// else), and the time zone; then stores it with a new secret's hash.
    /// </summary>
    /// <param name="registration">The device to add.</param>
    /// <param name="cancellationToken">Cancels the addition; nothing is stored then.</param>
    /// <returns>The device and its secret (to be shown once), or every problem found (nothing stored).</returns>
    public async Task<DeviceAddResult> AddAsync(DeviceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var problems = new List<DeviceProblem>();
        var id = registration.Id?.Trim() ?? string.Empty;
        var plate = Blank(registration.VehiclePlate);
        var facility = Blank(registration.FacilityCode);
        var zone = Blank(registration.TimeZoneId);
        if (!IdPattern().IsMatch(id))
        {
            problems.Add(new DeviceProblem("id", $"the device id '{id}' must be 1 to {MaxIdLength} letters, digits, '.', '_' or '-'", $"设备编号“{id}”须为 1 至 {MaxIdLength} 个字母、数字、“.”、“_”或“-”"));
        }
        else if (string.Equals(id, DemoDeviceId, StringComparison.OrdinalIgnoreCase) || id.StartsWith("office", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new DeviceProblem("id", $"the device id '{id}' is reserved (demo, office…); choose another", $"设备编号“{id}”为保留编号（demo、office…），请另选"));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        switch (registration.Kind)
        {
            case DeviceKind.Vehicle:
                if (plate is null)
                {
                    problems.Add(new DeviceProblem("plate", "a vehicle device needs the plate of its vehicle (--plate)", "车载设备须给出所属车辆的车牌（--plate）"));
                }
                else if (!await db.Vehicles.AnyAsync(v => v.Plate == plate, cancellationToken))
                {
                    problems.Add(new DeviceProblem("plate", $"vehicle {plate} is not in the registry", $"登记册中没有车辆 {plate}"));
                }

                if (facility is not null)
                {
                    problems.Add(new DeviceProblem("facility", "a vehicle device belongs to a vehicle, not to a facility: leave out --facility", "车载设备属于车辆而非设施：请去掉 --facility"));
                }

                break;
            case DeviceKind.Weighbridge:
                if (facility is null)
                {
                    problems.Add(new DeviceProblem("facility", "a weighbridge needs the code of its facility (--facility)", "地磅须给出所属设施的编码（--facility）"));
                }
                else if (!await db.Facilities.AnyAsync(f => f.Code == facility, cancellationToken))
                {
                    problems.Add(new DeviceProblem("facility", $"facility {facility} is not in the registry", $"登记册中没有设施 {facility}"));
                }

                if (plate is not null)
                {
                    problems.Add(new DeviceProblem("plate", "a weighbridge belongs to a facility, not to a vehicle: leave out --plate", "地磅属于设施而非车辆：请去掉 --plate"));
                }

                break;
            case DeviceKind.Inspector:
                if (plate is not null || facility is not null)
                {
                    problems.Add(new DeviceProblem(plate is not null ? "plate" : "facility", "an inspector's handset belongs to no vehicle or facility: leave out --plate and --facility", "督查终端不属于车辆或设施：请去掉 --plate 和 --facility"));
                }

                break;
            default:
                problems.Add(new DeviceProblem("kind", "the kind must be vehicle, weighbridge or inspector", "设备类型须为 vehicle（车载）、weighbridge（地磅）或 inspector（督查）"));
                break;
        }

        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            problems.Add(new DeviceProblem("timeZone", $"'{zone}' is not a known time zone id (an IANA id such as Asia/Shanghai)", $"“{zone}”不是已知的时区编号（如 Asia/Shanghai）"));
        }

        if (problems.Count == 0 && await db.Devices.AnyAsync(d => d.Id == id, cancellationToken))
        {
            problems.Add(new DeviceProblem("id", $"a device with id '{id}' is already registered (revoked devices keep their id)", $"编号为“{id}”的设备已登记（注销的设备保留其编号）"));
        }

        if (problems.Count > 0)
        {
            return new DeviceAddResult(null, null, problems);
        }

        var secret = DeviceSecretHasher.NewSecret();
        var device = new Device
        {
            Id = id,
            Kind = registration.Kind,
            VehiclePlate = plate,
            FacilityCode = facility,
            TimeZoneId = zone,
            SecretHash = DeviceSecretHasher.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Devices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return new DeviceAddResult(device, secret, []);
    }

    /// <summary>Every registered device, revoked ones included, ordered by id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The devices (their secret hashes included; never show them).</returns>
    public async Task<IReadOnlyList<Device>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var devices = await db.Devices.AsNoTracking().ToListAsync(cancellationToken);
        return devices.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Revokes a device: its secret stops authenticating at the next check (HTTP request, MQTT connect).</summary>
    /// <param name="id">The device id.</param>
    /// <param name="cancellationToken">Cancels the revocation.</param>
    /// <returns>Whether it was revoked now, before, or is unknown.</returns>
    public async Task<DeviceRevokeOutcome> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == id.Trim(), cancellationToken);
        if (device is null)
        {
            return DeviceRevokeOutcome.Unknown;
        }

        if (device.IsRevoked)
        {
            return DeviceRevokeOutcome.AlreadyRevoked;
        }

        device.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        _revoked[device.Id] = device.RevokedAt.Value;
        _verified.TryRemove(device.Id, out _);
        return DeviceRevokeOutcome.Revoked;
    }

    /// <summary>
    /// Reads the revoked devices from the device table, so that revocations made by another process (or another
    /// server on the same database) take effect here: their remembered checks are forgotten and every later
    /// <see cref="AuthenticateAsync"/> of them fails with <see cref="DeviceAuthenticationFailure.Revoked"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ids revoked since the previous call (every revoked id on the first call, and those revoked
    /// through <see cref="RevokeAsync"/> of this instance meanwhile), ordered; the caller drops their open sessions.</returns>
    public async Task<IReadOnlyList<string>> RefreshRevocationsAsync(CancellationToken cancellationToken)
    {
        List<(string Id, DateTimeOffset? RevokedAt)> rows;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            rows = (await db.Devices.AsNoTracking().Where(d => d.RevokedAt != null).Select(d => new { d.Id, d.RevokedAt }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.RevokedAt)).ToList();
        }

        var fresh = new List<string>();
        foreach (var (id, at) in rows)
        {
            _revoked.TryAdd(id, at ?? clock.GetUtcNow());
            _verified.TryRemove(id, out _);
            if (_reported.TryAdd(id, 0))
            {
                fresh.Add(id);
            }
        }

        return fresh.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks a device's id and secret: the device must be registered, not revoked, and the secret must hash to the
    /// stored hash.
    /// </summary>
    /// <param name="id">The presented device id.</param>
    /// <param name="secret">The presented secret.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The device's identity, or the failure.</returns>
    public async Task<DeviceAuthentication> AuthenticateAsync(string? id, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return DeviceAuthentication.Fail(DeviceAuthenticationFailure.MissingCredentials);
        }

        if (_revoked.ContainsKey(id))
        {
            return DeviceAuthentication.Fail(DeviceAuthenticationFailure.Revoked);
        }

        Device? device;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            device = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        }

        if (device is null)
        {
            return DeviceAuthentication.Fail(DeviceAuthenticationFailure.UnknownDevice);
        }

        if (device.IsRevoked)
        {
            _revoked.TryAdd(device.Id, device.RevokedAt!.Value);
            _verified.TryRemove(device.Id, out _);
            return DeviceAuthentication.Fail(DeviceAuthenticationFailure.Revoked);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (_verified.TryGetValue(device.Id, out var known) && known.StoredHash == device.SecretHash
            && CryptographicOperations.FixedTimeEquals(known.SecretDigest, digest))
        {
            return DeviceAuthentication.Success(device.ToIdentity());
        }

        if (!DeviceSecretHasher.Verify(secret, device.SecretHash))
        {
            return DeviceAuthentication.Fail(DeviceAuthenticationFailure.WrongSecret);
        }

        _verified[device.Id] = (device.SecretHash, digest);
        return DeviceAuthentication.Success(device.ToIdentity());
    }

    /// <summary>
    /// The active (not revoked) device a topic speaks for, for a broker that authenticates devices itself: the one
    /// vehicle device of <paramref name="vehiclePlate"/>, the one weighbridge of <paramref name="facilityCode"/>, or the
    /// inspector device <paramref name="inspectorId"/>. Give exactly one of the three.
    /// </summary>
    /// <param name="vehiclePlate">A plate, or null.</param>
    /// <param name="facilityCode">A facility code, or null.</param>
    /// <param name="inspectorId">An inspector device id, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The identity, or null when no single active device matches.</returns>
    public async Task<DeviceIdentity?> FindActiveAsync(string? vehiclePlate, string? facilityCode, string? inspectorId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Devices.AsNoTracking().Where(d => d.RevokedAt == null);
        query = vehiclePlate is not null ? query.Where(d => d.Kind == DeviceKind.Vehicle && d.VehiclePlate == vehiclePlate)
            : facilityCode is not null ? query.Where(d => d.Kind == DeviceKind.Weighbridge && d.FacilityCode == facilityCode)
            : query.Where(d => d.Kind == DeviceKind.Inspector && d.Id == inspectorId);
        var found = await query.Take(2).ToListAsync(cancellationToken);
        return found.Count == 1 ? found[0].ToIdentity() : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
