using System.Text.Json;
using CitySort.Audit;
using CitySort.Registry;
using CitySort.Tests.Imports;
using CitySort.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CitySort.Tests.Audit;

/// <summary>
/// The audit trail of changes saved through EF Core (issue 12 item 3), on SQLite and on PostgreSQL: each added or
/// changed record once, with the actor (the CLI user outside the server), its key and its fields before and after, in
/// the same transaction as the change; nothing for a file that changes nothing; and a store that refuses to change or
/// remove an entry.
/// </summary>
public abstract class AuditTrailTests
{
    private const string StreetsHeader = "code,name,district_code,district_name,city_code,province_code\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new migrated database of the provider under test.</summary>
    protected abstract Task<TestDatabase> CreateAsync();

    private static async Task<List<AuditEntry>> EntriesAsync(TestDatabase db)
    {
        await using var context = db.Context();
        return await context.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task An_import_records_each_new_record_once_with_the_CLI_user_and_its_fields_after()
    {
        await using var db = await CreateAsync();

        var report = await db.Imports.ImportDivisionsAsync(TestFiles.Text(StreetsHeader + "330302006,五马街道,330302,鹿城区,3303,33\n330302023,七都街道,330302,鹿城区,3303,33\n"), "s.csv", Ct);

        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        var entries = await EntriesAsync(db);
        var streets = entries.Where(e => e.Entity == nameof(Street)).ToList();
        Assert.Equal(["330302006", "330302023"], streets.Select(e => e.Key).Order(StringComparer.Ordinal));
        var wuma = streets.Single(e => e.Key == "330302006");
        Assert.Equal(("added", "cli:" + Environment.UserName, "cli", (string?)null), (wuma.Action, wuma.Actor, wuma.Origin, wuma.BeforeJson));
        using var after = JsonDocument.Parse(wuma.AfterJson!);
        Assert.Equal(("五马街道", "330302"), (after.RootElement.GetProperty("Name").GetString(), after.RootElement.GetProperty("DistrictCode").GetString()));
        Assert.Contains(entries, e => e.Entity == nameof(District) && e.Key == "330302" && e.Action == "added");
    }

    [Fact]
    public async Task A_changed_row_is_recorded_with_before_and_after_and_an_unchanged_file_records_nothing()
    {
        await using var db = await CreateAsync();
        var first = StreetsHeader + "330302006,五马街道,330302,鹿城区,3303,33\n";
        await db.Imports.ImportDivisionsAsync(TestFiles.Text(first), "s.csv", Ct);
        var afterFirst = (await EntriesAsync(db)).Count;

        await db.Imports.ImportDivisionsAsync(TestFiles.Text(first), "s.csv", Ct);
        var afterSame = (await EntriesAsync(db)).Count;
        await db.Imports.ImportDivisionsAsync(TestFiles.Text(StreetsHeader + "330302006,五马新街道,330302,鹿城区,3303,33\n"), "s.csv", Ct);

        Assert.Equal(afterFirst, afterSame);
        var changed = Assert.Single((await EntriesAsync(db)).Skip(afterSame));
        Assert.Equal(("modified", nameof(Street), "330302006"), (changed.Action, changed.Entity, changed.Key));
        using var before = JsonDocument.Parse(changed.BeforeJson!);
        using var after = JsonDocument.Parse(changed.AfterJson!);
        Assert.Equal(("五马街道", "五马新街道"), (before.RootElement.GetProperty("Name").GetString(), after.RootElement.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task A_device_added_and_revoked_is_recorded_twice_and_its_secret_hash_never_enters_the_trail()
    {
        await using var db = await CreateAsync();

        var added = await db.Devices.AddAsync(new CitySort.Collection.Devices.DeviceRegistration("inspector-7", CitySort.Collection.DeviceKind.Inspector), Ct);
        await db.Devices.RevokeAsync("inspector-7", Ct);

        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        var entries = (await EntriesAsync(db)).Where(e => e.Entity == "Device" && e.Key == "inspector-7").ToList();
        Assert.Equal(["added", "modified"], entries.Select(e => e.Action));
        using var revoked = JsonDocument.Parse(entries[1].AfterJson!);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(entries[1].BeforeJson!).RootElement.GetProperty("RevokedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, revoked.RootElement.GetProperty("RevokedAt").ValueKind);
        Assert.Equal("(hidden)", revoked.RootElement.GetProperty("SecretHash").GetString());
        Assert.All(entries, e => Assert.DoesNotContain("pbkdf2", e.BeforeJson + e.AfterJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_save_that_fails_leaves_neither_the_change_nor_its_audit_entry()
    {
        await using var db = await CreateAsync();
        await using (var context = db.Context())
        {
            // A street of a district that does not exist: the foreign key refuses it at the save.
            context.Streets.Add(new Street { Code = "330399001", Name = "无主街道", DistrictCode = "330399" });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Ct));
        }

        await using var check = db.Context();
        Assert.Equal((0, 0), (await check.Streets.CountAsync(Ct), await check.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_entry()
    {
        await using var db = await CreateAsync();
        var entry = await db.AuditRecorder.RecordAsync("user-added", "User", "officer-1", null, new { Roles = new[] { "district-officer" } }, Ct);
        await using var context = db.Context();

        var update = await Record.ExceptionAsync(() => context.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else'", Ct));
        var delete = await Record.ExceptionAsync(() => context.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var stored = await context.AuditEntries.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((entry.Id, "cli:" + Environment.UserName, "{\"Roles\":[\"district-officer\"]}"), (stored.Id, stored.Actor, stored.AfterJson));
    }

    [Fact]
    public async Task The_export_neutralises_cells_that_could_be_formulas_and_filters_by_entity()
    {
        await using var db = await CreateAsync();
        await db.AuditRecorder.RecordAsync("user-added", "User", "=HYPERLINK(\"http://x\")", null, null, Ct);
        await db.AuditRecorder.RecordAsync("role-granted", "Role", "admin", null, null, Ct);

        var csv = await db.Audit.ExportCsvAsync(new AuditQuery(Entity: "User"), Ct);
        var (items, total) = await db.Audit.ListAsync(new AuditQuery(Entity: "Role"), 1, 10, Ct);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,origin,action,entity,key,before,after", lines[0]);
        Assert.Equal(2, lines.Length);
        // The key =HYPERLINK("http://x") gets an apostrophe and, holding quotes, is quoted with its quotes doubled.
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Equal((1, "admin"), (total, Assert.Single(items).Key));
    }
}

/// <summary>The audit trail on SQLite.</summary>
public sealed class SqliteAuditTrailTests : AuditTrailTests
{
    /// <inheritdoc />
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.SqliteAsync();
}

/// <summary>The audit trail on PostgreSQL (skipped without CITYSORT_TEST_POSTGRES, failed under CI=true).</summary>
public sealed class PostgreSqlAuditTrailTests : AuditTrailTests
{
    /// <inheritdoc />
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgreSqlAsync();
}
