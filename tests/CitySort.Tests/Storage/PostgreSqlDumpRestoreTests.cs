using System.Diagnostics;
using CitySort.Tests.Imports;
using CitySort.Testing;
using Npgsql;

namespace CitySort.Tests.Storage;

/// <summary>
/// The documented PostgreSQL backup path (docs/security.md, "Backup and restore"): <c>pg_dump --format=custom</c> of a
/// CitySort database and <c>pg_restore</c> into a fresh database give every table equal row by row, and the restored
/// audit trail still refuses changes. Needs pg_dump and pg_restore (Debian's postgresql-client) and
/// CITYSORT_TEST_POSTGRES; skips without them, fails under CI=true.
/// </summary>
public sealed class PostgreSqlDumpRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pg_dump_restored_with_pg_restore_into_a_fresh_database_is_equal_row_by_row()
    {
        var pgDump = Tool("pg_dump");
        var pgRestore = Tool("pg_restore");
        await using var source = await TestDatabase.PostgreSqlAsync();
        await source.Imports.ImportDivisionsAsync(TestFiles.Text("code,name,district_code,district_name,city_code,province_code\n330302006,五马街道,330302,鹿城区,3303,33\n330302023,七都街道,330302,鹿城区,3303,33\n"), "s.csv", Ct);
        await source.AuditRecorder.RecordAsync("user-added", "User", "officer-1", null, new { Roles = new[] { "district-officer" } }, Ct);
        var from = new NpgsqlConnectionStringBuilder(source.Options.ConnectionString);
        var target = new NpgsqlConnectionStringBuilder(from.ConnectionString) { Database = "citysort_restore_" + Guid.NewGuid().ToString("N") };
        var admin = new NpgsqlConnectionStringBuilder(from.ConnectionString) { Database = "postgres" }.ConnectionString;
        var dump = Path.Combine(Path.GetTempPath(), "citysort-" + Guid.NewGuid().ToString("N") + ".dump");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{target.Database}\"");
        try
        {
            await RunAsync(pgDump, from, "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + from.Database);
            await RunAsync(pgRestore, target, "--no-owner", "--exit-on-error", "--dbname=" + target.Database, dump);

            var tables = await TablesAsync(from.ConnectionString);
            Assert.Contains("AuditEntries", tables);
            Assert.Contains("Streets", tables);
            foreach (var table in tables)
            {
                Assert.Equal(await RowsAsync(from.ConnectionString, table), await RowsAsync(target.ConnectionString, table));
            }

            var refused = await Record.ExceptionAsync(() => ExecuteAsync(target.ConnectionString, "DELETE FROM \"AuditEntries\""));
            Assert.IsType<PostgresException>(refused);
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dump);
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)");
        }
    }

    private static string Tool(string name)
    {
        var path = Path.Combine("/usr/bin", name);
        if (!File.Exists(path))
        {
            Requires.Missing(name + " is not installed (apt-get install postgresql-client)");
        }

        return path;
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder connection, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--host=" + connection.Host, "--port=" + connection.Port, "--username=" + connection.Username }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, Path.GetFileName(tool) + " exited " + process.ExitCode + ": " + await error);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var tables = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Every row of the table as PostgreSQL's own text of the row, sorted.</summary>
    private static async Task<List<string>> RowsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
