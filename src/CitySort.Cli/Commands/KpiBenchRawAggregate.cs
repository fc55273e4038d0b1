using System.Data.Common;
using System.Globalization;
using CitySort.Collection;
using CitySort.Registry;
using CitySort.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySort.Cli.Commands;

/// <summary>
/// The baseline of <c>citysort bench kpis</c>: one plain SQL aggregate over the raw event tables (no rollups) that
/// gives the event-derived figures of <c>GET /api/kpis?groupBy=month</c> for every month and district: from the
/// weigh tickets the sorted-transport and harmless-treatment rates' numerators and denominators (W96-T4, transfer
/// stations left out), residual tonnage and its year to date (W96-T5) and the collected tonnage per category and
/// facility; from the pickups the cleared site-days of same-day clearance (W96-K3, first other-waste pickup of the
/// day no later than the profile's clearance time). <see cref="Figures(IReadOnlyList{Row})"/> turns its rows into
/// keyed figures and <see cref="Figures(KpiReport)"/> takes the same keys from the API's answer, so that the bench
/// can say whether both give the same figures.
/// </summary>
internal static class KpiBenchRawAggregate
{
    /// <summary>One row of the aggregate.</summary>
    /// <param name="Part"><c>T</c> for a ticket group, <c>C</c> for cleared site-days.</param>
    /// <param name="Month">yyyy-MM.</param>
    /// <param name="DistrictCode">The district.</param>
    /// <param name="Category">The category (tickets).</param>
    /// <param name="FacilityCode">The facility (tickets).</param>
    /// <param name="FacilityKind">The facility kind (tickets).</param>
    /// <param name="NetG">Tickets: net grams; cleared rows: site-days.</param>
    /// <param name="SortedNetG">Net grams of dedicated vehicles.</param>
    /// <param name="TreatedNetG">Net grams at facilities that treat the category.</param>
    internal sealed record Row(string Part, string Month, string DistrictCode, string Category, string FacilityCode, long FacilityKind, long NetG, long SortedNetG, long TreatedNetG);

    /// <summary>The statement for the provider, with parameters <c>@from</c>, <c>@to</c> and <c>@deadline</c> (minute of the day).</summary>
    /// <param name="provider">The provider.</param>
    public static string Sql(StorageProvider provider)
    {
        var month = provider == StorageProvider.PostgreSql ? "to_char(business_day, 'YYYY-MM')" : "substr(business_day, 1, 7)";
        return $"""
            SELECT 'T', {month}, district_code, category, facility_code, facility_kind,
                   SUM(net_g), SUM(CASE WHEN is_sorted <> 0 THEN net_g ELSE 0 END), SUM(CASE WHEN is_treated <> 0 THEN net_g ELSE 0 END)
            FROM collection_tickets
            WHERE business_day >= @from AND business_day <= @to
            GROUP BY {month}, district_code, category, facility_code, facility_kind
            UNION ALL
            SELECT 'C', {month}, district_code, '', '', 0, COUNT(*), 0, 0
            FROM (SELECT business_day, site_code, district_code, MIN(((device_time_ms / 60000) + 480) % 1440) AS first_minute
                  FROM collection_pickups
                  WHERE category = 'Other' AND business_day >= @from AND business_day <= @to
                  GROUP BY business_day, site_code, district_code) AS site_days
            WHERE first_minute <= @deadline
            GROUP BY {month}, district_code
            """;
    }

    /// <summary>Runs the aggregate on a new (pooled) connection and reads every row.</summary>
    /// <param name="storage">The database.</param>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="deadlineMinute">The clearance time as minutes after midnight.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<List<Row>> RunAsync(StorageOptions storage, DateOnly from, DateOnly to, int deadlineMinute, CancellationToken cancellationToken)
    {
        var postgres = storage.Provider == StorageProvider.PostgreSql;
        await using DbConnection connection = postgres ? new NpgsqlConnection(storage.ConnectionString) : new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(storage.Provider);
        command.CommandTimeout = 3600;
        Add(command, "@from", postgres ? from : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "@to", postgres ? to : to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(command, "@deadline", (long)deadlineMinute);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>The figures of the aggregate's rows, keyed <c>month|district or *|figure</c>; the city (<c>*</c>) is the sum of the districts.</summary>
    /// <param name="rows">The rows.</param>
    public static SortedDictionary<string, decimal> Figures(IReadOnlyList<Row> rows)
    {
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        void Add(string key, decimal value) => figures[key] = figures.GetValueOrDefault(key) + value;
        var residualByScope = new SortedDictionary<string, SortedDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var scope in new[] { row.DistrictCode, "*" })
            {
                var prefix = $"{row.Month}|{scope}|";
                if (row.Part == "C")
                {
                    Add(prefix + "SameDayClearance.numerator", row.NetG);
                    continue;
                }

                var tonnes = Tonnes(row.NetG);
                Add(prefix + $"CollectedTonnage[{row.Category}@{row.FacilityCode}]", tonnes);
                var kind = (FacilityKind)row.FacilityKind;
                if (kind != FacilityKind.TransferStation)
                {
                    Add(prefix + "SortedTransportRate.numerator", Tonnes(row.SortedNetG));
                    Add(prefix + "SortedTransportRate.denominator", tonnes);
                    Add(prefix + "HarmlessTreatmentRate.numerator", Tonnes(row.TreatedNetG));
                    Add(prefix + "HarmlessTreatmentRate.denominator", tonnes);
                }

                if (KpiCalculator.ResidualKinds.Contains(kind))
                {
                    Add(prefix + "ResidualTonnage", tonnes);
                    var byMonth = residualByScope.TryGetValue(scope, out var m) ? m : residualByScope[scope] = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
                    byMonth[row.Month] = byMonth.GetValueOrDefault(row.Month) + tonnes;
                }
            }
        }

        var months = rows.Select(r => r.Month).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (var (scope, byMonth) in residualByScope)
        {
            var sum = 0m;
            foreach (var month in months)
            {
                sum += byMonth.GetValueOrDefault(month);
                figures[$"{month}|{scope}|ResidualTonnageYearToDate"] = sum;
            }
        }

        return Clean(figures);
    }

    /// <summary>The same keys taken from the API's answer (months from January, so that year to date is the months' sum).</summary>
    /// <param name="report">The answer of <c>GET /api/kpis?groupBy=month</c>.</param>
    public static SortedDictionary<string, decimal> Figures(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var period in report.Periods)
        {
            foreach (var f in period.Figures)
            {
                var prefix = $"{period.Period}|{f.DistrictCode ?? "*"}|";
                switch (f.Kpi)
                {
                    case "SortedTransportRate" or "HarmlessTreatmentRate":
                        figures[prefix + f.Kpi + ".numerator"] = f.Numerator;
                        figures[prefix + f.Kpi + ".denominator"] = f.Denominator;
                        break;
                    case "ResidualTonnage" or "ResidualTonnageYearToDate":
                        figures[prefix + f.Kpi] = f.Value ?? 0;
                        break;
                    case "CollectedTonnage":
                        figures[prefix + $"CollectedTonnage[{f.Category}@{f.FacilityCode}]"] = f.Value ?? 0;
                        break;
                    case "SameDayClearance":
                        figures[prefix + "SameDayClearance.numerator"] = f.Numerator;
                        break;
                }
            }
        }

        return Clean(figures);
    }

    /// <summary>The keys whose figures differ (a key missing on one side counts as 0 there), with both values.</summary>
    /// <param name="raw">From the aggregate.</param>
    /// <param name="api">From the API.</param>
    public static List<string> Differences(SortedDictionary<string, decimal> raw, SortedDictionary<string, decimal> api) =>
        raw.Keys.Union(api.Keys).Order(StringComparer.Ordinal)
            .Where(k => raw.GetValueOrDefault(k) != api.GetValueOrDefault(k))
            .Select(k => FormattableString.Invariant($"{k}: raw {raw.GetValueOrDefault(k)}, API {api.GetValueOrDefault(k)}"))
            .ToList();

    private static decimal Tonnes(long grams) => grams / 1_000_000m;

    /// <summary>Drops zero figures: absent on one side is the same as zero.</summary>
    private static SortedDictionary<string, decimal> Clean(SortedDictionary<string, decimal> figures) =>
        new(figures.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
