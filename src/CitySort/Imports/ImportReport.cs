namespace CitySort.Imports;

/// <summary>
/// The outcome of importing one file. The import is all-or-nothing: when <see cref="Problems"/> is not empty nothing
/// was written and <see cref="Inserted"/>, <see cref="Updated"/> and <see cref="Unchanged"/> are 0. The counts are of
/// records (a divisions row can insert a district and a street), so a second import of the same file reports
/// <c>Inserted = Updated = 0</c>.
/// </summary>
/// <param name="File">The file name as given to the import.</param>
/// <param name="Kind">The kind of file.</param>
/// <param name="RowsRead">Data rows (CSV, header and blank lines excluded) or features (GeoJSON) read.</param>
/// <param name="Inserted">Records written new.</param>
/// <param name="Updated">Existing records changed.</param>
/// <param name="Unchanged">Existing records the file left as they were.</param>
/// <param name="Problems">Every problem found, in file order.</param>
public sealed record ImportReport(
    string File,
    ImportKind Kind,
    int RowsRead,
    int Inserted,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>
    /// True when, after this import, the registry still holds illustrative (demo) records beside the real ones: the
    /// caller then says so and offers their removal (<c>citysort demo remove</c>, <c>POST /api/demo/remove</c>).
    /// </summary>
    public bool RegistryHoldsDemo { get; init; }

    /// <summary>True when the file was valid and its content is in the registry.</summary>
    public bool Succeeded => Problems.Count == 0;
}
