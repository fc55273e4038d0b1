using System.Data.Common;
using System.Globalization;
using CitySort.Collection;

namespace CitySort.Storage;

/// <summary>
/// The rollups by month, read by <see cref="KpiService"/> for periods of whole months so that a year's KPIs read a
/// row per site and year and per month and daily-rollup group, not per day: the site rollup by year
/// (<c>collection_rollup_site_year</c>, event schema 004, the twelve months' counts packed five bits apiece), kept
/// from the site-day rollup by triggers in the same transaction as the ingest's rollups, whose cleared-day counts are
/// for the clearance time stored in <c>collection_rollup_settings</c> (<see cref="EnsureClearanceMinuteAsync"/> makes
/// that the profile's); and the daily rollup summed by month in the query (<see cref="ReadDailyByMonthAsync"/>).
/// </summary>
/// <param name="options">The database.</param>
public sealed class MonthRollups(StorageOptions options)
{
    private int? ensuredMinute;

    private bool IsPostgres => options.Provider == StorageProvider.PostgreSql;

    /// <summary>
    /// Makes the stored clearance time <paramref name="minute"/>: when it differs (or none is stored), recomputes
    /// the whole table from <c>collection_rollup_site_day</c> in one transaction (on PostgreSQL with the site-day
    /// rollup locked against writers meanwhile). Checked once per process and minute; two first calls at once may both
    /// recompute, which gives the same table.
    /// </summary>
    /// <param name="minute">The clearance time as minutes after midnight (0..1439).</param>
    /// <param name="cancellationToken">Cancels (and rolls back).</param>
    /// <exception cref="ArgumentOutOfRangeException">The minute is outside 0..1439.</exception>
    public async Task EnsureClearanceMinuteAsync(int minute, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minute, 1439);
        if (ensuredMinute == minute)
        {
            return;
        }

        await using var connection = EventSchemaMigrator.Open(options);
        await connection.OpenAsync(cancellationToken);
        var stored = await ScalarAsync(connection, null, "SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1", cancellationToken);
        if (stored is null || Convert.ToInt32(stored, CultureInfo.InvariantCulture) != minute)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (IsPostgres)
            {
                await ScalarAsync(connection, transaction, "LOCK TABLE collection_rollup_site_day IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
            }

            var m = minute.ToString(CultureInfo.InvariantCulture);
            await ScalarAsync(connection, transaction, $"INSERT INTO collection_rollup_settings (id, clearance_minute) VALUES (1, {m}) ON CONFLICT (id) DO UPDATE SET clearance_minute = excluded.clearance_minute", cancellationToken);
            await ScalarAsync(connection, transaction, "DELETE FROM collection_rollup_site_year", cancellationToken);
            var (year, shift) = IsPostgres
                ? ("EXTRACT(YEAR FROM business_day)::bigint", "(5 * (EXTRACT(MONTH FROM business_day)::int - 1))")
                : ("CAST(substr(business_day, 1, 4) AS INTEGER)", "(5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1))");
            string Packed(string condition) => IsPostgres
                ? $"CAST(SUM(CAST(({condition}) AS INT)::bigint << {shift}) AS BIGINT)"
                : $"SUM(({condition}) << {shift})";
            await ScalarAsync(connection, transaction, $"""
                INSERT INTO collection_rollup_site_year (year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
                SELECT {year}, site_code,
                    {Packed("category = 'Recyclable' AND pickup_count > 0")},
                    {Packed("category = 'Hazardous' AND pickup_count > 0")},
                    {Packed("category = 'Other' AND pickup_count > 0")},
                    {Packed("category = 'Kitchen' AND pickup_count > 0")},
                    {Packed($"category = 'Other' AND pickup_count > 0 AND first_pickup_minute <= {m}")}
                FROM collection_rollup_site_day
                GROUP BY {year}, site_code
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        ensuredMinute = minute;
    }

    /// <summary>
    /// The site rollup by year of the years <paramref name="fromYear"/>..<paramref name="toYear"/>, reduced to whether
    /// each category was collected at the site in each month and to each month's cleared days (<see cref="SiteYearMonths"/>):
    /// one record per site and year.
    /// </summary>
    /// <param name="fromYear">First year.</param>
    /// <param name="toYear">Last year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InvalidOperationException">A month's count is outside 0..31 (the rollup is damaged; <c>citysort rebuild</c> rebuilds it).</exception>
    public async Task<IReadOnlyList<SiteYearMonths>> ReadSiteYearsAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        await using var connection = EventSchemaMigrator.Open(options);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days FROM collection_rollup_site_year WHERE year >= @p0 AND year <= @p1";
        Add(command, "@p0", (long)fromYear);
        Add(command, "@p1", (long)toYear);
        var rows = new List<SiteYearMonths>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            long Packed(int column)
            {
                var value = reader.GetInt64(column);
                if (value < 0 || value >= 1L << 60)
                {
                    throw new InvalidOperationException($"collection_rollup_site_year holds a month's count outside 0..31 for site {reader.GetString(1)}; run 'citysort rebuild'.");
                }

                return value;
            }

            rows.Add(SiteYearMonths.FromCounts((int)reader.GetInt64(0), reader.GetString(1), Packed(2), Packed(3), Packed(4), Packed(5), Packed(6)));
        }

        return rows;
    }

    /// <summary>
    /// The daily rollup of the business days <paramref name="from"/>..<paramref name="to"/> summed per month and group
    /// (district, area, category, facility): one <see cref="DailyRollup"/> per month and group, dated the month's first
    /// day. For ranges of whole months, where it gives the same sums per period as the daily rows.
    /// </summary>
    /// <param name="from">First day (a month's first).</param>
    /// <param name="to">Last day (a month's last).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<DailyRollup>> ReadDailyByMonthAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var month = IsPostgres ? "date_trunc('month', business_day)::date" : "substr(business_day, 1, 8) || '01'";
        await using var connection = EventSchemaMigrator.Open(options);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {month}, district_code, area_code, category, facility_code, MAX(facility_kind), MAX(is_illustrative),
                CAST(SUM(pickup_count) AS BIGINT), CAST(SUM(pickup_estimated_g) AS BIGINT), CAST(SUM(ticket_count) AS BIGINT),
                CAST(SUM(ticket_net_g) AS BIGINT), CAST(SUM(ticket_sorted_net_g) AS BIGINT), CAST(SUM(ticket_treated_net_g) AS BIGINT)
            FROM collection_rollup_daily
            WHERE business_day >= @p0 AND business_day <= @p1
            GROUP BY {month}, district_code, area_code, category, facility_code
            """;
        Add(command, "@p0", Day(from));
        Add(command, "@p1", Day(to));
        var rows = new List<DailyRollup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var first = IsPostgres ? reader.GetFieldValue<DateOnly>(0) : DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var facility = reader.GetString(4);
            rows.Add(new DailyRollup(
                first, reader.GetString(1), reader.GetString(2), reader.GetString(3), facility, facility.Length == 0 ? null : (Registry.FacilityKind)reader.GetInt64(5),
                reader.GetInt64(6) != 0, reader.GetInt64(7), reader.GetInt64(8) / 1000m, reader.GetInt64(9), reader.GetInt64(10) / 1000m, reader.GetInt64(11) / 1000m, reader.GetInt64(12) / 1000m));
        }

        return rows;
    }

    private object Day(DateOnly day) => IsPostgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
