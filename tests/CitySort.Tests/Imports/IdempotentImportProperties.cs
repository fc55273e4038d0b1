using CitySort.Tests.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CitySort.Tests.Imports;

public sealed class IdempotentImportProperties : IAsyncLifetime
{
    private TestDatabase? db;

    public async ValueTask InitializeAsync() => db = await TestDatabase.SqliteAsync();

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }

    [Property(MaxTest = 25)]
    public Property Importing_any_valid_divisions_file_a_second_time_inserts_and_updates_nothing()
    {
        // Streets of two districts with random suffixes and names; one database across cases, so earlier files are
        // already there (the first import of a case may insert or update; the second must change nothing).
        var row = Gen.Elements("330302", "330304").SelectMany(d => Gen.Choose(1, 40).Select(s => (District: d, Code: d + s.ToString("D3"))))
            .SelectMany(r => Gen.Elements("东", "西", "南", "北", "中").Select(n => (r.District, r.Code, Name: n + "街道")));
        var files = row.ListOf().Select(rows => rows.DistinctBy(r => r.Code).ToList()).Where(rows => rows.Count > 0);
        return Prop.ForAll(files.ToArbitrary(), async rows =>
        {
            var csv = "code,name,district_code,district_name\n" + string.Concat(rows.Select(r => $"{r.Code},{r.Name},{r.District},区{r.District}\n"));
            var first = await db!.Imports.ImportDivisionsAsync(TestFiles.Text(csv), "p.csv", CancellationToken.None);
            var second = await db.Imports.ImportDivisionsAsync(TestFiles.Text(csv), "p.csv", CancellationToken.None);
            return first.Succeeded && second.Inserted == 0 && second.Updated == 0 && second.Unchanged == first.Inserted + first.Updated + first.Unchanged;
        });
    }
}
