using Microsoft.Data.Sqlite;

namespace CitySort.Storage;

/// <summary>
/// Online backup and restore of the SQLite database (issue 12 item 4): the registry, the audit trail and the event
/// tables are in the one file and are copied together. The copy uses SQLite's online backup API
/// (<c>sqlite3_backup_*</c>, through <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>) in one step, so it
/// is the database as one committed transaction left it, taken while the server serves and takes in events (in WAL
/// mode readers do not block writers); the result is checked with <c>PRAGMA integrity_check</c>.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into a new file at <paramref name="backupPath"/>.</summary>
    /// <param name="connectionString">The source database (as <see cref="StorageOptions.ConnectionString"/>).</param>
    /// <param name="backupPath">The backup file to create; it must not exist.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    /// <returns>Null on success, else the reason in English and Chinese (nothing is left at <paramref name="backupPath"/>).</returns>
    public static async Task<string?> BackupAsync(string connectionString, string backupPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(backupPath);
        if (File.Exists(backupPath))
        {
            return $"The backup file {backupPath} exists already; name a new file. / 备份文件 {backupPath} 已存在，请指定一个新文件。";
        }

        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.DataSource is not { Length: > 0 } file || !File.Exists(file))
        {
            return $"There is no database at {source.DataSource}. / {source.DataSource} 处没有数据库。";
        }

        source.Mode = SqliteOpenMode.ReadOnly;
        source.Pooling = false;
        return await CopyAsync(source.ConnectionString, backupPath, cancellationToken);
    }

    /// <summary>
    /// Restores a backup into a fresh database at <paramref name="databasePath"/>: checked first (integrity and that it
    /// is a CitySort database), then copied whole. An existing database is never overwritten.
    /// </summary>
    /// <param name="backupPath">A file made by <see cref="BackupAsync"/>.</param>
    /// <param name="databasePath">The database file to create; it must not exist.</param>
    /// <param name="cancellationToken">Cancels before the copy starts.</param>
    /// <returns>Null on success, else the reason in English and Chinese (nothing is left at <paramref name="databasePath"/>).</returns>
    public static async Task<string?> RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(backupPath);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        if (!File.Exists(backupPath))
        {
            return $"There is no backup file {backupPath}. / 备份文件 {backupPath} 不存在。";
        }

        if (File.Exists(databasePath))
        {
            return $"The database {databasePath} exists already: a backup is restored into a fresh database only; move the old one away first. / 数据库 {databasePath} 已存在：备份只能恢复到新数据库，请先移走原数据库。";
        }

        var source = new SqliteConnectionStringBuilder { DataSource = backupPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
        await using (var check = new SqliteConnection(source))
        {
            try
            {
                await check.OpenAsync(cancellationToken);
                await using var migrations = new SqliteCommand("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"", check);
                await migrations.ExecuteScalarAsync(cancellationToken);
            }
            catch (SqliteException e)
            {
                return $"{backupPath} is not a CitySort database backup: {e.Message} / {backupPath} 不是 CitySort 数据库备份：{e.Message}";
            }
        }

        return await CopyAsync(source, databasePath, cancellationToken);
    }

    private static async Task<string?> CopyAsync(string sourceConnectionString, string destinationPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var destination = new SqliteConnectionStringBuilder { DataSource = destinationPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString;
        try
        {
            await using (var from = new SqliteConnection(sourceConnectionString))
            await using (var to = new SqliteConnection(destination))
            {
                await from.OpenAsync(cancellationToken);
                await to.OpenAsync(cancellationToken);
                from.BackupDatabase(to);
                await using var integrity = new SqliteCommand("PRAGMA integrity_check", to);
                var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
                if (!string.Equals(result, "ok", StringComparison.Ordinal))
                {
                    throw new InvalidDataException("integrity_check: " + result);
                }
            }

            return null;
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or IOException)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(destinationPath + suffix);
            }

            return $"The copy failed and nothing was kept: {e.Message} / 复制失败，未保留任何文件：{e.Message}";
        }
    }
}
