-- CitySort collection event store, version 2 (SQLite): the site rollup by month, so that KPIs over months read one row per site and month instead of one per site, day and category. Kept from collection_rollup_site_day by triggers (the rows' keys never change; only their counts and first minute do); other_cleared_days counts the days whose first other-waste pickup came no later than collection_rollup_settings.clearance_minute (W96-K3), which MonthRollups keeps equal to the profile's and recomputes the table when it changes. Applied by EventSchemaMigrator; never edited once shipped.
CREATE TABLE collection_rollup_settings (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    clearance_minute INTEGER NOT NULL
);

CREATE TABLE collection_rollup_site_month (
    month TEXT NOT NULL,
    site_code TEXT NOT NULL,
    recyclable_days INTEGER NOT NULL,
    hazardous_days INTEGER NOT NULL,
    other_days INTEGER NOT NULL,
    kitchen_days INTEGER NOT NULL,
    other_cleared_days INTEGER NOT NULL,
    PRIMARY KEY (month, site_code)
) WITHOUT ROWID;

CREATE TRIGGER tr_collection_rollup_site_day_insert AFTER INSERT ON collection_rollup_site_day
BEGIN
    INSERT INTO collection_rollup_site_month (month, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
    VALUES (
        substr(NEW.business_day, 1, 8) || '01', NEW.site_code,
        NEW.category = 'Recyclable' AND NEW.pickup_count > 0,
        NEW.category = 'Hazardous' AND NEW.pickup_count > 0,
        NEW.category = 'Other' AND NEW.pickup_count > 0,
        NEW.category = 'Kitchen' AND NEW.pickup_count > 0,
        NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
    ON CONFLICT (month, site_code) DO UPDATE SET
        recyclable_days = recyclable_days + excluded.recyclable_days,
        hazardous_days = hazardous_days + excluded.hazardous_days,
        other_days = other_days + excluded.other_days,
        kitchen_days = kitchen_days + excluded.kitchen_days,
        other_cleared_days = other_cleared_days + excluded.other_cleared_days;
END;

CREATE TRIGGER tr_collection_rollup_site_day_update AFTER UPDATE ON collection_rollup_site_day
BEGIN
    UPDATE collection_rollup_site_month SET
        recyclable_days = recyclable_days + (NEW.category = 'Recyclable' AND NEW.pickup_count > 0) - (OLD.category = 'Recyclable' AND OLD.pickup_count > 0),
        hazardous_days = hazardous_days + (NEW.category = 'Hazardous' AND NEW.pickup_count > 0) - (OLD.category = 'Hazardous' AND OLD.pickup_count > 0),
        other_days = other_days + (NEW.category = 'Other' AND NEW.pickup_count > 0) - (OLD.category = 'Other' AND OLD.pickup_count > 0),
        kitchen_days = kitchen_days + (NEW.category = 'Kitchen' AND NEW.pickup_count > 0) - (OLD.category = 'Kitchen' AND OLD.pickup_count > 0),
        other_cleared_days = other_cleared_days
            + (NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
            - (OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
    WHERE month = substr(OLD.business_day, 1, 8) || '01' AND site_code = OLD.site_code;
END;

CREATE TRIGGER tr_collection_rollup_site_day_delete AFTER DELETE ON collection_rollup_site_day
BEGIN
    UPDATE collection_rollup_site_month SET
        recyclable_days = recyclable_days - (OLD.category = 'Recyclable' AND OLD.pickup_count > 0),
        hazardous_days = hazardous_days - (OLD.category = 'Hazardous' AND OLD.pickup_count > 0),
        other_days = other_days - (OLD.category = 'Other' AND OLD.pickup_count > 0),
        kitchen_days = kitchen_days - (OLD.category = 'Kitchen' AND OLD.pickup_count > 0),
        other_cleared_days = other_cleared_days
            - (OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
    WHERE month = substr(OLD.business_day, 1, 8) || '01' AND site_code = OLD.site_code;
END;
