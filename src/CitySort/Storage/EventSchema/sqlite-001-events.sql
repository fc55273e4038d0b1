-- CitySort collection event store, version 1 (SQLite). Applied by EventSchemaMigrator; never edited once shipped.
CREATE TABLE collection_event_keys (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    business_day TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    received_at_ms INTEGER NOT NULL,
    PRIMARY KEY (device_id, event_id)
) WITHOUT ROWID;

CREATE TABLE collection_pickups (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    device_time_ms INTEGER NOT NULL,
    offset_minutes INTEGER NOT NULL,
    is_illustrative INTEGER NOT NULL,
    vehicle_plate TEXT NOT NULL,
    site_code TEXT NOT NULL,
    bin_id TEXT NULL,
    category TEXT NOT NULL,
    estimated_g INTEGER NOT NULL,
    longitude REAL NULL,
    latitude REAL NULL,
    datum INTEGER NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    PRIMARY KEY (device_id, event_id)
);
CREATE INDEX ix_collection_pickups_day ON collection_pickups (business_day, device_time_ms);
CREATE INDEX ix_collection_pickups_vehicle ON collection_pickups (vehicle_plate, business_day);

CREATE TABLE collection_gps_fixes (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    device_time_ms INTEGER NOT NULL,
    offset_minutes INTEGER NOT NULL,
    is_illustrative INTEGER NOT NULL,
    vehicle_plate TEXT NOT NULL,
    longitude REAL NOT NULL,
    latitude REAL NOT NULL,
    datum INTEGER NOT NULL,
    speed_kmh REAL NULL,
    heading_degrees REAL NULL,
    PRIMARY KEY (device_id, event_id)
);
CREATE INDEX ix_collection_gps_fixes_day ON collection_gps_fixes (business_day, device_time_ms);
CREATE INDEX ix_collection_gps_fixes_vehicle ON collection_gps_fixes (vehicle_plate, business_day);

CREATE TABLE collection_tickets (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    device_time_ms INTEGER NOT NULL,
    offset_minutes INTEGER NOT NULL,
    is_illustrative INTEGER NOT NULL,
    facility_code TEXT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    time_in_ms INTEGER NOT NULL,
    time_in_offset_minutes INTEGER NOT NULL,
    gross_g INTEGER NOT NULL,
    tare_g INTEGER NOT NULL,
    net_g INTEGER NOT NULL,
    category TEXT NOT NULL,
    facility_kind INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    is_sorted INTEGER NOT NULL,
    is_treated INTEGER NOT NULL,
    PRIMARY KEY (device_id, event_id)
);
CREATE INDEX ix_collection_tickets_day ON collection_tickets (business_day, device_time_ms);
CREATE INDEX ix_collection_tickets_vehicle ON collection_tickets (vehicle_plate, business_day);

CREATE TABLE collection_findings (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    device_time_ms INTEGER NOT NULL,
    offset_minutes INTEGER NOT NULL,
    is_illustrative INTEGER NOT NULL,
    site_code TEXT NOT NULL,
    inspector TEXT NOT NULL,
    clause_id TEXT NOT NULL,
    note TEXT NULL,
    photo_reference TEXT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    PRIMARY KEY (device_id, event_id)
);
CREATE INDEX ix_collection_findings_day ON collection_findings (business_day, device_time_ms);

CREATE TABLE collection_rejections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at_ms INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    source TEXT NOT NULL,
    event_id TEXT NULL,
    kind INTEGER NULL,
    outcome INTEGER NOT NULL,
    reason_code TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_zh TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX ix_collection_rejections_received ON collection_rejections (received_at_ms);

CREATE TABLE collection_rollup_daily (
    business_day TEXT NOT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    category TEXT NOT NULL,
    facility_code TEXT NOT NULL,
    facility_kind INTEGER NOT NULL,
    is_illustrative INTEGER NOT NULL,
    pickup_count INTEGER NOT NULL,
    pickup_estimated_g INTEGER NOT NULL,
    ticket_count INTEGER NOT NULL,
    ticket_net_g INTEGER NOT NULL,
    ticket_sorted_net_g INTEGER NOT NULL,
    ticket_treated_net_g INTEGER NOT NULL,
    PRIMARY KEY (business_day, district_code, area_code, category, facility_code)
) WITHOUT ROWID;

CREATE TABLE collection_rollup_site_day (
    business_day TEXT NOT NULL,
    site_code TEXT NOT NULL,
    category TEXT NOT NULL,
    pickup_count INTEGER NOT NULL,
    pickup_estimated_g INTEGER NOT NULL,
    first_pickup_minute INTEGER NOT NULL,
    PRIMARY KEY (business_day, site_code, category)
) WITHOUT ROWID;

CREATE TABLE collection_rollup_vehicle_day (
    business_day TEXT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    is_illustrative INTEGER NOT NULL,
    pickup_count INTEGER NOT NULL,
    pickup_estimated_g INTEGER NOT NULL,
    ticket_count INTEGER NOT NULL,
    ticket_net_g INTEGER NOT NULL,
    PRIMARY KEY (business_day, vehicle_plate)
) WITHOUT ROWID;
