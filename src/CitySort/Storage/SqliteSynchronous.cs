namespace CitySort.Storage;

/// <summary>
/// How the SQLite event store's commits reach the disk (SQLite's <c>PRAGMA synchronous</c>, https://sqlite.org/pragma.html#pragma_synchronous,
/// in WAL mode, https://sqlite.org/wal.html). Chosen explicitly by the operator (<c>serve --sqlite-synchronous</c>);
/// the default is <see cref="Full"/>. No effect on PostgreSQL.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// Every commit waits for the write-ahead log's <c>fsync</c>: a committed (and acknowledged) event survives the
    /// process being killed and the machine losing power. The default.
    /// </summary>
    Full = 0,

    /// <summary>
    /// A commit is written to the write-ahead log without waiting for its <c>fsync</c> (the log is synced at
    /// checkpoints): a committed event survives the process being killed (<c>kill -9</c>, a crash), but the last
    /// commits before an operating-system crash or a power loss may be lost. Faster where <c>fsync</c> is slow.
    /// </summary>
    Normal = 1,
}
