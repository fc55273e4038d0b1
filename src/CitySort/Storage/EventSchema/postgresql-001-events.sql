-- CitySort collection event store, version 1 (PostgreSQL). Event tables are partitioned by month of business_day; the partitions are created on demand. Applied by EventSchemaMigrator; never edited once shipped.
CREATE TABLE collection_event_keys (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind BIGINT NOT NULL,
    business_day DATE NOT NULL,
    content_hash TEXT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    PRIMARY KEY (device_id, event_id)
);

CREATE TABLE collection_pickups (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day DATE NOT NULL,
    device_time_ms BIGINT NOT NULL,
    offset_minutes BIGINT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    site_code TEXT NOT NULL,
    bin_id TEXT NULL,
    category TEXT NOT NULL,
    estimated_g BIGINT NOT NULL,
    longitude DOUBLE PRECISION NULL,
    latitude DOUBLE PRECISION NULL,
    datum BIGINT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    PRIMARY KEY (device_id, event_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX ix_collection_pickups_day ON collection_pickups (business_day, device_time_ms);
CREATE INDEX ix_collection_pickups_vehicle ON collection_pickups (vehicle_plate, business_day);

CREATE TABLE collection_gps_fixes (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day DATE NOT NULL,
    device_time_ms BIGINT NOT NULL,
    offset_minutes BIGINT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    datum BIGINT NOT NULL,
    speed_kmh DOUBLE PRECISION NULL,
    heading_degrees DOUBLE PRECISION NULL,
    PRIMARY KEY (device_id, event_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX ix_collection_gps_fixes_day ON collection_gps_fixes (business_day, device_time_ms);
CREATE INDEX ix_collection_gps_fixes_vehicle ON collection_gps_fixes (vehicle_plate, business_day);

CREATE TABLE collection_tickets (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day DATE NOT NULL,
    device_time_ms BIGINT NOT NULL,
    offset_minutes BIGINT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    facility_code TEXT NOT NULL,
    vehicle_plate TEXT NOT NULL,
    time_in_ms BIGINT NOT NULL,
    time_in_offset_minutes BIGINT NOT NULL,
    gross_g BIGINT NOT NULL,
    tare_g BIGINT NOT NULL,
    net_g BIGINT NOT NULL,
    category TEXT NOT NULL,
    facility_kind BIGINT NOT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    is_sorted BIGINT NOT NULL,
    is_treated BIGINT NOT NULL,
    PRIMARY KEY (device_id, event_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX ix_collection_tickets_day ON collection_tickets (business_day, device_time_ms);
CREATE INDEX ix_collection_tickets_vehicle ON collection_tickets (vehicle_plate, business_day);

CREATE TABLE collection_findings (
    device_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    business_day DATE NOT NULL,
    device_time_ms BIGINT NOT NULL,
    offset_minutes BIGINT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    site_code TEXT NOT NULL,
    inspector TEXT NOT NULL,
    clause_id TEXT NOT NULL,
    note TEXT NULL,
    photo_reference TEXT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    PRIMARY KEY (device_id, event_id, business_day)
) PARTITION BY RANGE (business_day);
CREATE INDEX ix_collection_findings_day ON collection_findings (business_day, device_time_ms);

CREATE TABLE collection_rejections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at_ms BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    source TEXT NOT NULL,
    event_id TEXT NULL,
    kind BIGINT NULL,
    outcome BIGINT NOT NULL,
    reason_code TEXT NOT NULL,
    reason TEXT NOT NULL,
    reason_zh TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX ix_collection_rejections_received ON collection_rejections (received_at_ms);

CREATE TABLE collection_rollup_daily (
    business_day DATE NOT NULL,
    district_code TEXT NOT NULL,
    area_code TEXT NOT NULL,
    category TEXT NOT NULL,
    facility_code TEXT NOT NULL,
    facility_kind BIGINT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    pickup_count BIGINT NOT NULL,
    pickup_estimated_g BIGINT NOT NULL,
    ticket_count BIGINT NOT NULL,
    ticket_net_g BIGINT NOT NULL,
    ticket_sorted_net_g BIGINT NOT NULL,
    ticket_treated_net_g BIGINT NOT NULL,
    PRIMARY KEY (business_day, district_code, area_code, category, facility_code)
);

CREATE TABLE collection_rollup_site_day (
    business_day DATE NOT NULL,
    site_code TEXT NOT NULL,
    category TEXT NOT NULL,
    pickup_count BIGINT NOT NULL,
    pickup_estimated_g BIGINT NOT NULL,
    first_pickup_minute BIGINT NOT NULL,
    PRIMARY KEY (business_day, site_code, category)
);

CREATE TABLE collection_rollup_vehicle_day (
    business_day DATE NOT NULL,
    vehicle_plate TEXT NOT NULL,
    is_illustrative BIGINT NOT NULL,
    pickup_count BIGINT NOT NULL,
    pickup_estimated_g BIGINT NOT NULL,
    ticket_count BIGINT NOT NULL,
    ticket_net_g BIGINT NOT NULL,
    PRIMARY KEY (business_day, vehicle_plate)
);
