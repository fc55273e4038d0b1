namespace CitySort.Imports;

/// <summary>
/// The one set of limits on an imported file, the same whether it comes through <c>citysort import</c> or
/// <c>POST /api/imports/{kind}</c> (the server sets its request-size limit from <see cref="MaxFileBytes"/>).
/// The real Wenzhou files are far below them: <c>wenzhou_communities.csv</c> is 250 KB, <c>wenzhou_districts.geojson</c>
/// 105 KB with 4 428 positions.
/// </summary>
public static class ImportLimits
{
    /// <summary>The largest file an import reads: 16 MiB (a sites CSV of about 80 000 rows at 200 bytes a row).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The most positions a boundaries file may hold: 250 000 (about 20 000 per district of a 12-district city, ten
    /// times what a map at street level needs). Boundaries are kept whole and simplified only for display
    /// (<see cref="BoundarySimplifier"/>).
    /// </summary>
    public const int MaxBoundaryPositions = 250_000;

    /// <summary>The size limit in words, Chinese and English.</summary>
    internal static Why TooLarge(long bytes) => new(
        $"文件有 {bytes / 1024.0 / 1024.0:0.0} MB，超过导入上限 {MaxFileBytes / 1024 / 1024} MB：请拆分后分别导入",
        $"the file is {bytes / 1024.0 / 1024.0:0.0} MB, more than the {MaxFileBytes / 1024 / 1024} MB an import takes: split it and import the parts");

    /// <summary>
    /// Reads <paramref name="stream"/> whole, or stops at <see cref="MaxFileBytes"/> and returns <c>null</c> with the
    /// problem added.
    /// </summary>
    internal static async Task<byte[]?> ReadAsync(Stream stream, string file, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                var total = buffer.Length;
                if (stream.CanSeek)
                {
                    total = stream.Length;
                }

                problems.Add(TooLarge(total).At(file, 0, 0, null));
                return null;
            }
        }

        return buffer.ToArray();
    }
}
