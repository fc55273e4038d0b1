using System.Data.Common;
using System.Globalization;
using System.Text;
using CitySort.Collection;
using CitySort.Registry;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CitySort.Storage;

/// <summary>
/// The collection event store on the ADO.NET hot path (DESIGN.md, "Storage"): events of each kind, the
/// (device id, event id) keys with content hashes, rejections with raw payloads, and the rollups, in the tables of
/// <see cref="EventSchemaMigrator"/>. SQLite is written with batched prepared INSERTs; PostgreSQL with binary COPY
/// into tables partitioned by month of the business day (partitions created on demand). The intake's writer calls
/// the write methods inside one transaction per batch; the read methods serve evidence, KPIs (rollups only) and the
/// rejection list.
/// </summary>
public sealed class CollectionEventStore : ICollectionEventReader
{
    private const int MaxStoredPayloadBytes = 4 * IEventIntake.MaxPayloadBytes;
    private readonly StorageOptions options;
    private readonly HashSet<string> partitions = new(StringComparer.Ordinal);
    private readonly Lock partitionLock = new();

    /// <summary>Creates the store over the configured database (migrated by <see cref="DatabaseMigrator"/>).</summary>
    /// <param name="options">The database.</param>
    public CollectionEventStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    private bool IsPostgres => options.Provider == StorageProvider.PostgreSql;

    /// <summary>Opens a connection (on SQLite with <see cref="StorageOptions.SqliteSynchronous"/>) and begins the batch's transaction.</summary>
    internal async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = EventSchemaMigrator.Open(options);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!IsPostgres)
            {
                // Per connection (pooled connections keep them, and setting them again costs a statement, not a sync).
                await using var settings = connection.CreateCommand();
                settings.CommandText = SqliteWriterPragmas(options.SqliteSynchronous);
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return (connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Pages of the write-ahead log after which a commit checkpoints it into the database (SQLite's default is 1000).</summary>
    internal const int SqliteWalAutoCheckpointPages = 16_384;

    /// <summary>The page cache of a writing connection, in KiB (SQLite's default is 2000 KiB).</summary>
    internal const int SqliteWriterCacheKiB = 65_536;

    /// <summary>
    /// The settings of a connection that writes events on SQLite (https://sqlite.org/pragma.html), the same for the
    /// intake's writer and the raw baseline of <c>bench ingest</c>: the sync setting; a page cache of
    /// <see cref="SqliteWriterCacheKiB"/> KiB, so that the key and event indexes touched by a batch of many devices stay
    /// in memory; and a checkpoint every <see cref="SqliteWalAutoCheckpointPages"/> pages of the log instead of every
    /// 1000. A commit of one message from each of many devices (the MQTT door) touches about one page per device in
    /// each key index, and the log holds whole pages, so with the default the log was checkpointed every few commits,
    /// each copying those pages into the database again with its own syncs; a larger interval copies a page changed by
    /// many commits once. Durability is unchanged: a commit is in the log (synced with <see cref="SqliteSynchronous.Full"/>) before it
    /// returns; a checkpoint only moves committed pages.
    /// </summary>
    /// <param name="synchronous">The sync setting.</param>
    /// <returns>The PRAGMA statements.</returns>
    internal static string SqliteWriterPragmas(SqliteSynchronous synchronous) =>
        (synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;")
        + $"PRAGMA cache_size=-{SqliteWriterCacheKiB};PRAGMA wal_autocheckpoint={SqliteWalAutoCheckpointPages};";

    /// <summary>The stored content hashes of those of <paramref name="keys"/> already stored.</summary>
    internal async Task<Dictionary<EventKey, string>> LookupHashesAsync(DbTransaction transaction, IReadOnlyCollection<EventKey> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<EventKey, string>();
        if (keys.Count == 0)
        {
            return found;
        }

        var connection = transaction.Connection!;
        if (IsPostgres)
        {
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.Transaction = (NpgsqlTransaction)transaction;
            command.CommandText = "SELECT k.device_id, k.event_id, k.content_hash FROM collection_event_keys k JOIN unnest(@d, @e) AS q(device_id, event_id) ON k.device_id = q.device_id AND k.event_id = q.event_id";
            command.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.DeviceId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.EventId).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[new EventKey(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            }

            return found;
        }

        await using var lookup = connection.CreateCommand();
        lookup.Transaction = transaction;
        lookup.CommandText = "SELECT content_hash FROM collection_event_keys WHERE device_id = $d AND event_id = $e";
        var d = AddParameter(lookup, "$d", string.Empty);
        var e = AddParameter(lookup, "$e", string.Empty);
        await lookup.PrepareAsync(cancellationToken);
        foreach (var key in keys)
        {
            d.Value = key.DeviceId;
            e.Value = key.EventId;
            if (await lookup.ExecuteScalarAsync(cancellationToken) is string hash)
            {
                found[key] = hash;
            }
        }

        return found;
    }

    /// <summary>
    /// Claims the keys of <paramref name="events"/> (distinct keys, first occurrences) set-wise: writes every key not yet
    /// stored, skips those stored (by another batch or another server, whose commit the insert waits for), and reads back
    /// only the skipped ones. SQLite: one prepared <c>INSERT … ON CONFLICT DO NOTHING</c> per key, each answering
    /// whether it wrote; PostgreSQL: one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING</c> for all.
    /// </summary>
    /// <returns>The stored content hashes of the keys that were already stored; every other key is now written.</returns>
    internal async Task<Dictionary<EventKey, string>> ClaimKeysAsync(DbTransaction transaction, IReadOnlyList<StoredEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var received = receivedAt.ToUnixTimeMilliseconds();
        var connection = transaction.Connection!;
        var skipped = new List<EventKey>();
        if (IsPostgres)
        {
            await using var command = (NpgsqlCommand)connection.CreateCommand();
            command.Transaction = (NpgsqlTransaction)transaction;
            command.CommandText = """
                INSERT INTO collection_event_keys (device_id, event_id, kind, business_day, content_hash, received_at_ms)
                SELECT d, e, k, b, h, @r FROM unnest(@d, @e, @k, @b, @h) AS q(d, e, k, b, h)
                ON CONFLICT (device_id, event_id) DO NOTHING
                RETURNING device_id, event_id
                """;
            command.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events.Select(e => e.Event.DeviceId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("e", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events.Select(e => e.Event.EventId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = events.Select(e => (long)e.Event.Kind).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("b", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = events.Select(e => e.Event.BusinessDay).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("h", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = events.Select(e => e.ContentHash).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Bigint) { Value = received });
            var written = new HashSet<EventKey>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    written.Add(new EventKey(reader.GetString(0), reader.GetString(1)));
                }
            }

            skipped.AddRange(events.Select(e => e.Key).Where(k => !written.Contains(k)));
        }
        else
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO collection_event_keys (device_id, event_id, kind, business_day, content_hash, received_at_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) ON CONFLICT (device_id, event_id) DO NOTHING";
            var p = Parameters(command, 6);
            await command.PrepareAsync(cancellationToken);
            foreach (var e in events)
            {
                Set(p, e.Event.DeviceId, e.Event.EventId, (long)e.Event.Kind, Day(e.Event.BusinessDay), e.ContentHash, received);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    skipped.Add(e.Key);
                }
            }
        }

        var found = await LookupHashesAsync(transaction, skipped, cancellationToken);
        if (found.Count != skipped.Count)
        {
            throw new InvalidOperationException($"{skipped.Count - found.Count} event key(s) were neither written nor found stored; the batch is not committed.");
        }

        return found;
    }

    /// <summary>Writes accepted events, and their keys unless <paramref name="keysWritten"/> (claimed by <see cref="ClaimKeysAsync"/>).</summary>
    internal async Task InsertEventsAsync(DbTransaction transaction, IReadOnlyList<StoredEvent> events, DateTimeOffset receivedAt, bool keysWritten, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        var received = receivedAt.ToUnixTimeMilliseconds();
        var columns = EventColumns.All;
        if (IsPostgres)
        {
            await EnsurePartitionsAsync(transaction, events.Select(e => e.Event.BusinessDay), cancellationToken);
            var connection = (NpgsqlConnection)transaction.Connection!;
            if (!keysWritten)
            {
                await CopyAsync(connection, "collection_event_keys", EventColumns.Keys, events.Select(e => EventColumns.KeyRow(e, received)), cancellationToken);
            }

            foreach (var table in columns)
            {
                var rows = events.Where(e => e.Event.Kind == table.Kind).Select(table.Row).ToList();
                if (rows.Count > 0)
                {
                    await CopyAsync(connection, table.Table, table.Columns, rows, cancellationToken);
                }
            }

            return;
        }

        if (!keysWritten)
        {
            await InsertRowsAsync(transaction, "collection_event_keys", EventColumns.Keys, events.Select(e => EventColumns.KeyRow(e, received)), cancellationToken);
        }

        foreach (var table in columns)
        {
            var rows = events.Where(e => e.Event.Kind == table.Kind).Select(table.Row).ToList();
            if (rows.Count > 0)
            {
                await InsertRowsAsync(transaction, table.Table, table.Columns, rows, cancellationToken);
            }
        }
    }

    /// <summary>Writes rejections and conflicts.</summary>
    internal async Task InsertRejectionsAsync(DbTransaction transaction, IReadOnlyList<RejectionToStore> rejections, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (rejections.Count == 0)
        {
            return;
        }

        var received = receivedAt.ToUnixTimeMilliseconds();
        var rows = rejections.Select(r => new object?[]
        {
            received, r.DeviceId, r.Source, r.EventId, r.Kind is { } k ? (long)k : null, (long)r.Outcome, r.Problem.Code, r.Problem.Reason, r.Problem.ReasonZh, PayloadText(r.Payload),
        });
        await InsertRowsAsync(transaction, "collection_rejections", EventColumns.Rejections, rows, cancellationToken);
    }

    /// <summary>
    /// Stores refusals of the doors (docs/events.md, "Refusals at the doors") in their own transaction, beside the
    /// intake's rejections: a refused MQTT login or topic, an HTTP batch without a valid key, and the summary rows of
    /// refusals counted but not stored one by one (<see cref="DoorRefusalRecorder"/>).
    /// </summary>
    /// <param name="refusals">The refusals, each with the instant it was refused.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is stored then.</param>
    public async Task InsertDoorRefusalsAsync(IReadOnlyList<DoorRefusal> refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        if (refusals.Count == 0)
        {
            return;
        }

        var (connection, transaction) = await BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            var rows = refusals.Select(r => new object?[]
            {
                r.RefusedAt.ToUnixTimeMilliseconds(), r.DeviceId, r.Source, r.EventId, r.Kind is { } k ? (long)k : null, (long)IntakeOutcome.Rejected,
                r.Problem.Code, r.Problem.Reason, r.Problem.ReasonZh, PayloadText(r.Payload), r.ClientId, r.DroppedCount,
            });
            await InsertRowsAsync(transaction, "collection_rejections", EventColumns.DoorRefusals, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Adds a rollup delta to the rollup tables (upserts). PostgreSQL: one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT
    /// DO UPDATE</c> per rollup table for the whole delta (its keys are distinct, so no row is touched twice); SQLite:
    /// one prepared upsert per row.
    /// </summary>
    internal async Task ApplyRollupsAsync(DbTransaction transaction, RollupDelta delta, CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await ApplyRollupsSetWiseAsync((NpgsqlTransaction)transaction, delta, cancellationToken);
            return;
        }

        var connection = transaction.Connection!;
        if (delta.Daily.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO collection_rollup_daily (business_day, district_code, area_code, category, facility_code, facility_kind, is_illustrative,
                    pickup_count, pickup_estimated_g, ticket_count, ticket_net_g, ticket_sorted_net_g, ticket_treated_net_g)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
                ON CONFLICT (business_day, district_code, area_code, category, facility_code) DO UPDATE SET
                    facility_kind = excluded.facility_kind,
                    is_illustrative = CASE WHEN excluded.is_illustrative > collection_rollup_daily.is_illustrative THEN excluded.is_illustrative ELSE collection_rollup_daily.is_illustrative END,
                    pickup_count = collection_rollup_daily.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_daily.pickup_estimated_g + excluded.pickup_estimated_g,
                    ticket_count = collection_rollup_daily.ticket_count + excluded.ticket_count,
                    ticket_net_g = collection_rollup_daily.ticket_net_g + excluded.ticket_net_g,
                    ticket_sorted_net_g = collection_rollup_daily.ticket_sorted_net_g + excluded.ticket_sorted_net_g,
                    ticket_treated_net_g = collection_rollup_daily.ticket_treated_net_g + excluded.ticket_treated_net_g
                """;
            var p = Parameters(command, 13);
            var prepared = false;
            foreach (var (k, v) in delta.Daily)
            {
                Set(p, Day(k.Day), k.DistrictCode, k.AreaCode, k.Category, k.FacilityCode, (long)v.FacilityKind, Flag(v.IsIllustrative),
                    v.PickupCount, v.PickupEstimatedG, v.TicketCount, v.TicketNetG, v.TicketSortedNetG, v.TicketTreatedNetG);
                prepared = await PrepareOnceAsync(command, prepared, cancellationToken);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (delta.SiteDays.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO collection_rollup_site_day (business_day, site_code, category, pickup_count, pickup_estimated_g, first_pickup_minute)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
                ON CONFLICT (business_day, site_code, category) DO UPDATE SET
                    pickup_count = collection_rollup_site_day.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_site_day.pickup_estimated_g + excluded.pickup_estimated_g,
                    first_pickup_minute = CASE WHEN excluded.first_pickup_minute < collection_rollup_site_day.first_pickup_minute THEN excluded.first_pickup_minute ELSE collection_rollup_site_day.first_pickup_minute END
                """;
            var p = Parameters(command, 6);
            var prepared = false;
            foreach (var (k, v) in delta.SiteDays)
            {
                Set(p, Day(k.Day), k.SiteCode, k.Category, v.PickupCount, v.PickupEstimatedG, (long)v.FirstPickupMinute);
                prepared = await PrepareOnceAsync(command, prepared, cancellationToken);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (delta.VehicleDays.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO collection_rollup_vehicle_day (business_day, vehicle_plate, is_illustrative, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                ON CONFLICT (business_day, vehicle_plate) DO UPDATE SET
                    is_illustrative = CASE WHEN excluded.is_illustrative > collection_rollup_vehicle_day.is_illustrative THEN excluded.is_illustrative ELSE collection_rollup_vehicle_day.is_illustrative END,
                    pickup_count = collection_rollup_vehicle_day.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_vehicle_day.pickup_estimated_g + excluded.pickup_estimated_g,
                    ticket_count = collection_rollup_vehicle_day.ticket_count + excluded.ticket_count,
                    ticket_net_g = collection_rollup_vehicle_day.ticket_net_g + excluded.ticket_net_g
                """;
            var p = Parameters(command, 7);
            var prepared = false;
            foreach (var (k, v) in delta.VehicleDays)
            {
                Set(p, Day(k.Day), k.VehiclePlate, Flag(v.IsIllustrative), v.PickupCount, v.PickupEstimatedG, v.TicketCount, v.TicketNetG);
                prepared = await PrepareOnceAsync(command, prepared, cancellationToken);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static async Task ApplyRollupsSetWiseAsync(NpgsqlTransaction transaction, RollupDelta delta, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        if (delta.Daily.Count > 0)
        {
            var rows = delta.Daily.ToArray();
            await using var command = new NpgsqlCommand("""
                INSERT INTO collection_rollup_daily (business_day, district_code, area_code, category, facility_code, facility_kind, is_illustrative,
                    pickup_count, pickup_estimated_g, ticket_count, ticket_net_g, ticket_sorted_net_g, ticket_treated_net_g)
                SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
                ON CONFLICT (business_day, district_code, area_code, category, facility_code) DO UPDATE SET
                    facility_kind = excluded.facility_kind,
                    is_illustrative = GREATEST(collection_rollup_daily.is_illustrative, excluded.is_illustrative),
                    pickup_count = collection_rollup_daily.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_daily.pickup_estimated_g + excluded.pickup_estimated_g,
                    ticket_count = collection_rollup_daily.ticket_count + excluded.ticket_count,
                    ticket_net_g = collection_rollup_daily.ticket_net_g + excluded.ticket_net_g,
                    ticket_sorted_net_g = collection_rollup_daily.ticket_sorted_net_g + excluded.ticket_sorted_net_g,
                    ticket_treated_net_g = collection_rollup_daily.ticket_treated_net_g + excluded.ticket_treated_net_g
                """, connection, transaction);
            AddArray(command, NpgsqlDbType.Date, rows.Select(r => r.Key.Day).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.DistrictCode).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.AreaCode).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.Category).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.FacilityCode).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => (long)r.Value.FacilityKind).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => Flag(r.Value.IsIllustrative)).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupCount).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupEstimatedG).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketCount).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketNetG).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketSortedNetG).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketTreatedNetG).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (delta.SiteDays.Count > 0)
        {
            var rows = delta.SiteDays.ToArray();
            await using var command = new NpgsqlCommand("""
                INSERT INTO collection_rollup_site_day (business_day, site_code, category, pickup_count, pickup_estimated_g, first_pickup_minute)
                SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5)
                ON CONFLICT (business_day, site_code, category) DO UPDATE SET
                    pickup_count = collection_rollup_site_day.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_site_day.pickup_estimated_g + excluded.pickup_estimated_g,
                    first_pickup_minute = LEAST(collection_rollup_site_day.first_pickup_minute, excluded.first_pickup_minute)
                """, connection, transaction);
            AddArray(command, NpgsqlDbType.Date, rows.Select(r => r.Key.Day).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.SiteCode).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.Category).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupCount).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupEstimatedG).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => (long)r.Value.FirstPickupMinute).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (delta.VehicleDays.Count > 0)
        {
            var rows = delta.VehicleDays.ToArray();
            await using var command = new NpgsqlCommand("""
                INSERT INTO collection_rollup_vehicle_day (business_day, vehicle_plate, is_illustrative, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g)
                SELECT * FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                ON CONFLICT (business_day, vehicle_plate) DO UPDATE SET
                    is_illustrative = GREATEST(collection_rollup_vehicle_day.is_illustrative, excluded.is_illustrative),
                    pickup_count = collection_rollup_vehicle_day.pickup_count + excluded.pickup_count,
                    pickup_estimated_g = collection_rollup_vehicle_day.pickup_estimated_g + excluded.pickup_estimated_g,
                    ticket_count = collection_rollup_vehicle_day.ticket_count + excluded.ticket_count,
                    ticket_net_g = collection_rollup_vehicle_day.ticket_net_g + excluded.ticket_net_g
                """, connection, transaction);
            AddArray(command, NpgsqlDbType.Date, rows.Select(r => r.Key.Day).ToArray());
            AddArray(command, NpgsqlDbType.Text, rows.Select(r => r.Key.VehiclePlate).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => Flag(r.Value.IsIllustrative)).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupCount).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.PickupEstimatedG).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketCount).ToArray());
            AddArray(command, NpgsqlDbType.Bigint, rows.Select(r => r.Value.TicketNetG).ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddArray<T>(NpgsqlCommand command, NpgsqlDbType type, T[] values) =>
        command.Parameters.Add(new NpgsqlParameter("p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Array | type) { Value = values });

    /// <summary>
    /// Drops the rollups and rebuilds them from the raw events (<c>citysort rebuild</c>), in one transaction: readers
    /// see the old rollups until the new ones are committed.
    /// </summary>
    /// <param name="progress">Told (events done, events in all) as it goes; may be null.</param>
    /// <param name="cancellationToken">Cancels (and rolls back) the rebuild.</param>
    /// <returns>The number of events read.</returns>
    public async Task<long> RebuildRollupsAsync(IProgress<(long Done, long Total)>? progress, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken);
        await using (connection)
        await using (transaction)
        {
            long total = 0;
            foreach (var table in new[] { "collection_pickups", "collection_tickets" })
            {
                total += Convert.ToInt64(await ScalarAsync(transaction, $"SELECT COUNT(*) FROM {table}", cancellationToken), CultureInfo.InvariantCulture);
            }

            foreach (var table in new[] { "collection_rollup_daily", "collection_rollup_site_day", "collection_rollup_vehicle_day" })
            {
                await ScalarAsync(transaction, "DELETE FROM " + table, cancellationToken);
            }

            const int chunk = 20_000;
            var delta = new RollupDelta();
            long done = 0;
            progress?.Report((0, total));
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT business_day, district_code, area_code, category, site_code, vehicle_plate, estimated_g, device_time_ms, is_illustrative FROM collection_pickups";
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        delta.AddPickup(ReadDay(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                            reader.GetInt64(6), RollupDelta.MinuteOfDay(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))), reader.GetInt64(8) != 0);
                        if (++done % chunk == 0)
                        {
                            progress?.Report((done, total));
                        }
                    }
                }
            }

            await ApplyRollupsAsync(transaction, delta, cancellationToken);
            delta.Clear();
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT business_day, district_code, area_code, category, facility_code, facility_kind, vehicle_plate, net_g, is_sorted, is_treated, is_illustrative FROM collection_tickets";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    delta.AddTicket(ReadDay(reader, 0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), (FacilityKind)reader.GetInt64(5),
                        reader.GetString(6), reader.GetInt64(7), reader.GetInt64(8) != 0, reader.GetInt64(9) != 0, reader.GetInt64(10) != 0);
                    if (++done % chunk == 0)
                    {
                        progress?.Report((done, total));
                    }
                }
            }

            await ApplyRollupsAsync(transaction, delta, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report((total, total));
            return total;
        }
    }

    /// <summary>The daily rollup rows of the business days <paramref name="from"/>..<paramref name="to"/> (inclusive).</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<DailyRollup>> ReadDailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        const string sql = "SELECT business_day, district_code, area_code, category, facility_code, facility_kind, is_illustrative, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g, ticket_sorted_net_g, ticket_treated_net_g FROM collection_rollup_daily WHERE business_day >= @p0 AND business_day <= @p1";
        return await QueryAsync(sql, [Day(from), Day(to)], r => new DailyRollup(
            ReadDay(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(4).Length == 0 ? null : (FacilityKind)r.GetInt64(5),
            r.GetInt64(6) != 0, r.GetInt64(7), Kg(r.GetInt64(8)), r.GetInt64(9), Kg(r.GetInt64(10)), Kg(r.GetInt64(11)), Kg(r.GetInt64(12))), cancellationToken);
    }

    /// <summary>The site rollup rows of the business days <paramref name="from"/>..<paramref name="to"/> (inclusive).</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<SiteDayRollup>> ReadSiteDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        const string sql = "SELECT business_day, site_code, category, pickup_count, pickup_estimated_g, first_pickup_minute FROM collection_rollup_site_day WHERE business_day >= @p0 AND business_day <= @p1";
        return await QueryAsync(sql, [Day(from), Day(to)], r => new SiteDayRollup(
            ReadDay(r, 0), r.GetString(1), r.GetString(2), r.GetInt64(3), Kg(r.GetInt64(4)), TimeOnly.MinValue.AddMinutes(r.GetInt64(5))), cancellationToken);
    }

    /// <summary>The vehicle rollup rows of the business days <paramref name="from"/>..<paramref name="to"/> (inclusive).</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<VehicleDayRollup>> ReadVehicleDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        const string sql = "SELECT business_day, vehicle_plate, is_illustrative, pickup_count, pickup_estimated_g, ticket_count, ticket_net_g FROM collection_rollup_vehicle_day WHERE business_day >= @p0 AND business_day <= @p1";
        return await QueryAsync(sql, [Day(from), Day(to)], r => new VehicleDayRollup(
            ReadDay(r, 0), r.GetString(1), r.GetInt64(2) != 0, r.GetInt64(3), Kg(r.GetInt64(4)), r.GetInt64(5), Kg(r.GetInt64(6))), cancellationToken);
    }

    /// <summary>Stored rejections and conflicts, newest first.</summary>
    /// <param name="query">Filters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<RejectionRecord>> ReadRejectionsAsync(RejectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT id, received_at_ms, device_id, source, event_id, outcome, reason_code, reason, reason_zh, payload, client_id, dropped_count FROM collection_rejections WHERE 1 = 1");
        var values = new List<object?>();
        if (query.From is { } from)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND received_at_ms >= @p{values.Count}");
            values.Add(EventTimes.StartOf(from).ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND received_at_ms < @p{values.Count}");
            values.Add(EventTimes.StartOf(to.AddDays(1)).ToUnixTimeMilliseconds());
        }

        if (query.ReasonCode is { } code)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND reason_code = @p{values.Count}");
            values.Add(code);
        }

        if (query.DeviceId is { } device)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND device_id = @p{values.Count}");
            values.Add(device);
        }

        if (query.DeviceIds is { } scoped)
        {
            if (scoped.Count == 0)
            {
                sql.Append(" AND 1 = 0");
            }
            else
            {
                sql.Append(" AND device_id IN (");
                for (var i = 0; i < scoped.Count; i++)
                {
                    sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : ", ")}@p{values.Count}");
                    values.Add(scoped[i]);
                }

                sql.Append(')');
            }
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY id DESC LIMIT {Math.Clamp(query.Limit, 1, 10_000)}");
        return await QueryAsync(sql.ToString(), values, r => new RejectionRecord(
            r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
            (IntakeOutcome)r.GetInt64(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetInt64(11)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionEvent>> ReadVehicleDayAsync(string vehiclePlate, DateOnly businessDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vehiclePlate);
        var found = new List<CollectionEvent>();
        foreach (var table in EventColumns.All.Where(t => t.Kind != EventKind.InspectionFinding))
        {
            found.AddRange(await QueryAsync(
                $"SELECT {table.SelectList} FROM {table.Table} WHERE business_day = @p0 AND vehicle_plate = @p1",
                [Day(businessDay), vehiclePlate],
                table.Read,
                cancellationToken));
        }

        return Ordered(found);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionEvent>> ReadDayAsync(DateOnly businessDay, EventKind? kind, CancellationToken cancellationToken)
    {
        var found = new List<CollectionEvent>();
        foreach (var table in EventColumns.All.Where(t => kind is null || t.Kind == kind))
        {
            found.AddRange(await QueryAsync($"SELECT {table.SelectList} FROM {table.Table} WHERE business_day = @p0", [Day(businessDay)], table.Read, cancellationToken));
        }

        return Ordered(found);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionEvent>> ReadByIdsAsync(IReadOnlyList<EventKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new List<CollectionEvent>();
        foreach (var group in keys.Distinct().Chunk(200))
        {
            var located = await QueryAsync(
                "SELECT device_id, event_id, kind FROM collection_event_keys WHERE " + string.Join(" OR ", group.Select((_, i) => $"(device_id = @p{2 * i} AND event_id = @p{(2 * i) + 1})")),
                group.SelectMany(k => new object?[] { k.DeviceId, k.EventId }).ToArray(),
                r => (Key: new EventKey(r.GetString(0), r.GetString(1)), Kind: (EventKind)r.GetInt64(2)),
                cancellationToken);
            foreach (var byKind in located.GroupBy(l => l.Kind))
            {
                var table = EventColumns.All.First(t => t.Kind == byKind.Key);
                var list = byKind.Select(l => l.Key).ToArray();
                found.AddRange(await QueryAsync(
                    $"SELECT {table.SelectList} FROM {table.Table} WHERE " + string.Join(" OR ", list.Select((_, i) => $"(device_id = @p{2 * i} AND event_id = @p{(2 * i) + 1})")),
                    list.SelectMany(k => new object?[] { k.DeviceId, k.EventId }).ToArray(),
                    table.Read,
                    cancellationToken));
            }
        }

        return Ordered(found);
    }

    private static List<CollectionEvent> Ordered(List<CollectionEvent> events) =>
        events.OrderBy(e => e.DeviceTime.UtcTicks).ThenBy(e => e.DeviceId, StringComparer.Ordinal).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();

    private static decimal Kg(long grams) => grams / 1000m;

    private static long Flag(bool value) => value ? 1 : 0;

    private static string PayloadText(ReadOnlyMemory<byte> payload)
    {
        var bytes = payload.Length > MaxStoredPayloadBytes ? payload[..MaxStoredPayloadBytes] : payload;
        var text = Encoding.UTF8.GetString(bytes.Span).Replace("\0", string.Empty, StringComparison.Ordinal);
        return payload.Length > MaxStoredPayloadBytes ? text + $"… ({payload.Length} bytes, cut)" : text;
    }

    private object Day(DateOnly day) => IsPostgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateOnly ReadDay(DbDataReader reader, int ordinal) => IsPostgres
        ? reader.GetFieldValue<DateOnly>(ordinal)
        : DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = EventSchemaMigrator.Open(options);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            AddParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), values[i]);
        }

        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static async Task<object?> ScalarAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>Prepares the command once its parameters hold their first values (Npgsql takes the types from them).</summary>
    private static async Task<bool> PrepareOnceAsync(DbCommand command, bool prepared, CancellationToken cancellationToken)
    {
        if (!prepared)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return true;
    }

    private static DbParameter[] Parameters(DbCommand command, int count) =>
        Enumerable.Range(0, count).Select(i => AddParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null)).ToArray();

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private async Task InsertRowsAsync(DbTransaction transaction, string table, IReadOnlyList<(string Name, NpgsqlDbType Type)> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((c, i) =>
        {
            var p = AddParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), null);
            if (p is NpgsqlParameter np)
            {
                np.NpgsqlDbType = c.Type;
            }

            return p;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] is DateOnly day ? Day(day) : row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<(string Name, NpgsqlDbType Type)> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(row[i], columns[i].Type, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task EnsurePartitionsAsync(DbTransaction transaction, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        var months = days.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().ToArray();
        foreach (var month in months)
        {
            foreach (var table in EventColumns.All.Select(t => t.Table))
            {
                var name = $"{table}_y{month.Year:0000}m{month.Month:00}";
                lock (partitionLock)
                {
                    if (partitions.Contains(name))
                    {
                        continue;
                    }
                }

                await ScalarAsync(transaction,
                    $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF {table} FOR VALUES FROM ('{month:yyyy-MM-dd}') TO ('{month.AddMonths(1):yyyy-MM-dd}')",
                    cancellationToken);
                lock (partitionLock)
                {
                    partitions.Add(name);
                }
            }
        }
    }

    /// <summary>Forgets the partitions this process believes exist (after a failed transaction rolled one back).</summary>
    internal void ForgetPartitions()
    {
        lock (partitionLock)
        {
            partitions.Clear();
        }
    }
}
