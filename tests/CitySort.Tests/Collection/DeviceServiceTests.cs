using System.Text;
using CitySort.Collection;
using CitySort.Collection.Devices;
using CitySort.Demo;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Collection;

/// <summary>The device registry: registration rules, hashed secrets, authentication and revocation (issue 9, "every device authenticates").</summary>
public sealed class DeviceServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Db, string Plate, string Facility)> SeededAsync()
    {
        var db = await TestDatabase.SqliteAsync();
        await db.Seeder.SeedIfEmptyAsync(DemoCitySpec.Default, 7, Ct);
        await using var context = db.Context();
        var plate = await context.Vehicles.OrderBy(v => v.Plate).Select(v => v.Plate).FirstAsync(Ct);
        var facility = await context.Facilities.OrderBy(f => f.Code).Select(f => f.Code).FirstAsync(Ct);
        return (db, plate, facility);
    }

    [Fact]
    public async Task A_registered_vehicle_device_keeps_only_a_salted_PBKDF2_hash_of_its_secret()
    {
        var (db, plate, _) = await SeededAsync();
        await using var _db = db;

        var result = await db.Devices.AddAsync(new DeviceRegistration("truck-01", DeviceKind.Vehicle, plate), Ct);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var secret = result.Secret!;
        Assert.Equal(43, secret.Length); // 32 random bytes in base64url without padding: ceil(32 * 4 / 3) = 43
        await using var context = db.Context();
        var stored = await context.Devices.SingleAsync(Ct);
        Assert.StartsWith("pbkdf2-sha256$100000$", stored.SecretHash, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.Equal(plate, stored.VehiclePlate);

        // The secret appears nowhere in the database file either (WAL checkpointed into the file first).
        await context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", Ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Options.ConnectionString).DataSource;
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "the secret is stored in clear");
    }

    [Fact]
    public void The_same_secret_hashes_differently_each_time_and_verifies_against_both()
    {
        var first = DeviceSecretHasher.Hash("s3cret");
        var second = DeviceSecretHasher.Hash("s3cret");

        Assert.NotEqual(first, second);
        Assert.True(DeviceSecretHasher.Verify("s3cret", first));
        Assert.True(DeviceSecretHasher.Verify("s3cret", second));
        Assert.False(DeviceSecretHasher.Verify("s3cret!", first));
        Assert.False(DeviceSecretHasher.Verify("s3cret", "plain-text"));
    }

    [Fact]
    public async Task The_secret_authenticates_into_the_devices_identity_and_nothing_else_does()
    {
        var (db, _, facility) = await SeededAsync();
        await using var _db = db;
        var added = await db.Devices.AddAsync(new DeviceRegistration("wb-1", DeviceKind.Weighbridge, FacilityCode: facility, TimeZoneId: "Asia/Urumqi"), Ct);

        var good = await db.Devices.AuthenticateAsync("wb-1", added.Secret, Ct);
        var again = await db.Devices.AuthenticateAsync("wb-1", added.Secret, Ct);
        var wrong = await db.Devices.AuthenticateAsync("wb-1", added.Secret + "x", Ct);
        var unknown = await db.Devices.AuthenticateAsync("wb-2", added.Secret, Ct);
        var missing = await db.Devices.AuthenticateAsync("wb-1", null, Ct);

        Assert.Equal(new DeviceIdentity("wb-1", DeviceKind.Weighbridge, null, facility, "Asia/Urumqi"), good.Identity);
        Assert.Equal(good.Identity, again.Identity);
        Assert.Equal(DeviceAuthenticationFailure.WrongSecret, wrong.Failure);
        Assert.Equal(DeviceAuthenticationFailure.UnknownDevice, unknown.Failure);
        Assert.Equal(DeviceAuthenticationFailure.MissingCredentials, missing.Failure);
    }

    [Fact]
    public async Task A_revoked_device_no_longer_authenticates_and_stays_listed_with_its_revocation_time()
    {
        var (db, plate, _) = await SeededAsync();
        await using var _db = db;
        var added = await db.Devices.AddAsync(new DeviceRegistration("truck-02", DeviceKind.Vehicle, plate), Ct);
        Assert.True((await db.Devices.AuthenticateAsync("truck-02", added.Secret, Ct)).Succeeded);

        var revoked = await db.Devices.RevokeAsync("truck-02", Ct);
        var twice = await db.Devices.RevokeAsync("truck-02", Ct);
        var unknown = await db.Devices.RevokeAsync("nobody", Ct);

        Assert.Equal((DeviceRevokeOutcome.Revoked, DeviceRevokeOutcome.AlreadyRevoked, DeviceRevokeOutcome.Unknown), (revoked, twice, unknown));
        Assert.Equal(DeviceAuthenticationFailure.Revoked, (await db.Devices.AuthenticateAsync("truck-02", added.Secret, Ct)).Failure);
        var listed = Assert.Single(await db.Devices.ListAsync(Ct));
        Assert.NotNull(listed.RevokedAt);
    }

    [Theory]
    [InlineData("bad id", DeviceKind.Inspector, null, null, null, "id")]
    [InlineData("demo", DeviceKind.Inspector, null, null, null, "id")]
    [InlineData("truck-9", DeviceKind.Vehicle, null, null, null, "plate")]
    [InlineData("truck-9", DeviceKind.Vehicle, "浙C00000", null, null, "plate")]
    [InlineData("wb-9", DeviceKind.Weighbridge, null, "NO-SUCH", null, "facility")]
    [InlineData("insp-9", DeviceKind.Inspector, null, null, "Mars/Olympus", "timeZone")]
    [InlineData("x-9", DeviceKind.Demo, null, null, null, "kind")]
    public async Task A_registration_that_breaks_a_rule_is_refused_naming_the_field_and_nothing_is_stored(
        string id, DeviceKind kind, string? plate, string? facility, string? zone, string field)
    {
        var (db, _, _) = await SeededAsync();
        await using var _db = db;

        var result = await db.Devices.AddAsync(new DeviceRegistration(id, kind, plate, facility, zone), Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.Secret);
        Assert.Contains(result.Problems, p => p.Field == field);
        Assert.Empty(await db.Devices.ListAsync(Ct));
    }

    [Fact]
    public async Task A_device_id_cannot_be_registered_twice()
    {
        var (db, _, _) = await SeededAsync();
        await using var _db = db;
        Assert.True((await db.Devices.AddAsync(new DeviceRegistration("insp-1", DeviceKind.Inspector), Ct)).Succeeded);

        var second = await db.Devices.AddAsync(new DeviceRegistration("insp-1", DeviceKind.Inspector), Ct);

        Assert.Equal("id", Assert.Single(second.Problems).Field);
    }
}
