using System.CommandLine;
using CitySort.Storage;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort backup FILE [--db PATH]</c> and <c>citysort restore FILE [--db PATH]</c>: the online backup of the SQLite
/// database (registry, audit trail and events together, while the server serves and takes in events) and its restore
/// into a fresh database (<see cref="SqliteBackup"/>). PostgreSQL is backed up with pg_dump and restored with
/// pg_restore (docs/security.md, "Backup and restore"). Exit 0 on success, 1 when the copy cannot be made, 2 on usage
/// errors (an existing target file, a PostgreSQL connection string).
/// </summary>
internal static class BackupCommand
{
    /// <summary>Creates <c>backup</c>.</summary>
    public static Command CreateBackup() => Create(
        "backup",
        "Copy the SQLite database into a new backup file while the server may be running (online backup).",
        "The new backup file.",
        async (db, file, cancellationToken) =>
        {
            if (!File.Exists(db))
            {
                return (2, $"数据库文件 {db} 不存在。 / The database file {db} does not exist: check --db.");
            }

            if (File.Exists(file))
            {
                return (2, $"备份文件 {file} 已存在，请指定一个新文件。 / The backup file {file} exists already; name a new file.");
            }

            var error = await SqliteBackup.BackupAsync(StorageOptions.ForSqliteFile(db).ConnectionString, file, cancellationToken);
            return error is null ? (0, $"Backed up {db} to {file}.") : (1, error);
        });

    /// <summary>Creates <c>restore</c>.</summary>
    public static Command CreateRestore() => Create(
        "restore",
        "Restore a backup file into a fresh SQLite database (never over an existing one).",
        "The backup file made by citysort backup.",
        async (db, file, cancellationToken) =>
        {
            if (File.Exists(db))
            {
                return (2, $"数据库 {db} 已存在：备份只能恢复到新数据库，请先移走原数据库。 / The database {db} exists already: a backup is restored into a fresh database only; move the old one away first.");
            }

            var error = await SqliteBackup.RestoreAsync(file, db, cancellationToken);
            return error is null ? (0, $"Restored {file} into {db}.") : (1, error);
        });

    private static Command Create(string name, string description, string fileDescription, Func<string, string, CancellationToken, Task<(int Exit, string Message)>> run)
    {
        var command = new Command(name, description);
        var file = new Argument<string>("FILE") { Description = fileDescription };
        var database = new ImportDatabase();
        command.Arguments.Add(file);
        database.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(database.Postgres) is not null)
            {
                await Console.Error.WriteLineAsync("PostgreSQL 用 pg_dump / pg_restore 备份和恢复（见 docs/security.md）。 / PostgreSQL is backed up with pg_dump and restored with pg_restore (docs/security.md, \"Backup and restore\").");
                return 2;
            }

            var db = parseResult.GetValue(database.Db) ?? StorageOptions.DefaultSqliteFileName;
            var (exit, message) = await run(db, parseResult.GetValue(file)!, cancellationToken);
            await (exit == 0 ? Console.Out : Console.Error).WriteLineAsync(message);
            return exit;
        });
        return command;
    }
}
