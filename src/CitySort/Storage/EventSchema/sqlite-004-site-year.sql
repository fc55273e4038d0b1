-- CitySort collection event store, version 4 (SQLite): the site rollup by month becomes one row per site and calendar year, so that KPIs over a year read one row per site instead of twelve. Each count column packs the twelve months five bits apiece (month m, 1..12, in bits 5 × (m − 1) to 5 × (m − 1) + 4): a month's count is a number of days, at most 31, so it never carries into the next month, and adding and subtracting packed values adds and subtracts each month's count exactly. Kept from collection_rollup_site_day by triggers (the rows' keys never change; only their counts and first minute do); other_cleared_days counts the days whose first other-waste pickup came no later than collection_rollup_settings.clearance_minute (W96-K3), which MonthRollups keeps equal to the profile's and recomputes the table when it changes. Replaces collection_rollup_site_month (version 3). Applied by EventSchemaMigrator; never edited once shipped.
DROP TRIGGER tr_collection_rollup_site_day_insert;
DROP TRIGGER tr_collection_rollup_site_day_update;
DROP TRIGGER tr_collection_rollup_site_day_delete;
DROP TABLE collection_rollup_site_month;

CREATE TABLE collection_rollup_site_year (
    year INTEGER NOT NULL,
    site_code TEXT NOT NULL,
    recyclable_days INTEGER NOT NULL,
    hazardous_days INTEGER NOT NULL,
    other_days INTEGER NOT NULL,
    kitchen_days INTEGER NOT NULL,
    other_cleared_days INTEGER NOT NULL,
    PRIMARY KEY (year, site_code)
) WITHOUT ROWID;

INSERT INTO collection_rollup_site_year (year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
SELECT CAST(substr(business_day, 1, 4) AS INTEGER), site_code,
    SUM((category = 'Recyclable' AND pickup_count > 0) << (5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1))),
    SUM((category = 'Hazardous' AND pickup_count > 0) << (5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1))),
    SUM((category = 'Other' AND pickup_count > 0) << (5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1))),
    SUM((category = 'Kitchen' AND pickup_count > 0) << (5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1))),
    SUM((category = 'Other' AND pickup_count > 0 AND first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
        << (5 * (CAST(substr(business_day, 6, 2) AS INTEGER) - 1)))
FROM collection_rollup_site_day
GROUP BY CAST(substr(business_day, 1, 4) AS INTEGER), site_code;

CREATE TRIGGER tr_collection_rollup_site_day_year_insert AFTER INSERT ON collection_rollup_site_day
BEGIN
    INSERT INTO collection_rollup_site_year (year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
    VALUES (
        CAST(substr(NEW.business_day, 1, 4) AS INTEGER), NEW.site_code,
        (NEW.category = 'Recyclable' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)),
        (NEW.category = 'Hazardous' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)),
        (NEW.category = 'Other' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)),
        (NEW.category = 'Kitchen' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)),
        (NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
            << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
    ON CONFLICT (year, site_code) DO UPDATE SET
        recyclable_days = recyclable_days + excluded.recyclable_days,
        hazardous_days = hazardous_days + excluded.hazardous_days,
        other_days = other_days + excluded.other_days,
        kitchen_days = kitchen_days + excluded.kitchen_days,
        other_cleared_days = other_cleared_days + excluded.other_cleared_days;
END;

CREATE TRIGGER tr_collection_rollup_site_day_year_update AFTER UPDATE ON collection_rollup_site_day
BEGIN
    UPDATE collection_rollup_site_year SET
        recyclable_days = recyclable_days
            + ((NEW.category = 'Recyclable' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
            - ((OLD.category = 'Recyclable' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        hazardous_days = hazardous_days
            + ((NEW.category = 'Hazardous' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
            - ((OLD.category = 'Hazardous' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        other_days = other_days
            + ((NEW.category = 'Other' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
            - ((OLD.category = 'Other' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        kitchen_days = kitchen_days
            + ((NEW.category = 'Kitchen' AND NEW.pickup_count > 0) << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
            - ((OLD.category = 'Kitchen' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        other_cleared_days = other_cleared_days
            + ((NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
                << (5 * (CAST(substr(NEW.business_day, 6, 2) AS INTEGER) - 1)))
            - ((OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
                << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1)))
    WHERE year = CAST(substr(OLD.business_day, 1, 4) AS INTEGER) AND site_code = OLD.site_code;
END;

CREATE TRIGGER tr_collection_rollup_site_day_year_delete AFTER DELETE ON collection_rollup_site_day
BEGIN
    UPDATE collection_rollup_site_year SET
        recyclable_days = recyclable_days - ((OLD.category = 'Recyclable' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        hazardous_days = hazardous_days - ((OLD.category = 'Hazardous' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        other_days = other_days - ((OLD.category = 'Other' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        kitchen_days = kitchen_days - ((OLD.category = 'Kitchen' AND OLD.pickup_count > 0) << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1))),
        other_cleared_days = other_cleared_days
            - ((OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))
                << (5 * (CAST(substr(OLD.business_day, 6, 2) AS INTEGER) - 1)))
    WHERE year = CAST(substr(OLD.business_day, 1, 4) AS INTEGER) AND site_code = OLD.site_code;
END;
