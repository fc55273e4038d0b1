using Microsoft.EntityFrameworkCore;

namespace CitySort.Imports;

/// <summary>
/// The one upsert of the registry imports by natural key: a record not yet stored is added, a stored one whose content
/// differs is changed in place, an equal one is counted unchanged (so a second import of the same file reports
/// <c>Inserted = Updated = 0</c>).
/// </summary>
internal static class RegistryUpsert
{
    /// <summary>Upserts <paramref name="incoming"/> into <paramref name="set"/>; the caller saves and commits.</summary>
    /// <param name="set">The table.</param>
    /// <param name="stored">The stored records to match against (with whatever they own included).</param>
    /// <param name="incoming">The file's records, one per key.</param>
    /// <param name="key">The natural key.</param>
    /// <param name="same">True when the stored record (first) already has the file's content (second).</param>
    /// <param name="copy">Copies the file's content (first) onto the stored record (second).</param>
    /// <param name="counts">The counters to advance.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task ApplyAsync<T>(
        DbSet<T> set,
        IQueryable<T> stored,
        IEnumerable<T> incoming,
        Func<T, string> key,
        Func<T, T, bool> same,
        Action<T, T> copy,
        ImportService.Counts counts,
        CancellationToken cancellationToken)
        where T : class
    {
        var existing = (await stored.ToListAsync(cancellationToken)).ToDictionary(key, StringComparer.Ordinal);
        foreach (var record in incoming)
        {
            if (!existing.TryGetValue(key(record), out var current))
            {
                set.Add(record);
                counts.Inserted++;
            }
            else if (same(current, record))
            {
                counts.Unchanged++;
            }
            else
            {
                copy(record, current);
                counts.Updated++;
            }
        }
    }
}
