namespace CitySort.Storage;

/// <summary>The database engines CitySort stores its registry in (DESIGN.md, "Storage").</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: the embedded default (<c>citysort.db</c>), in WAL mode.</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL server, by connection string.</summary>
    PostgreSql = 2,
}
