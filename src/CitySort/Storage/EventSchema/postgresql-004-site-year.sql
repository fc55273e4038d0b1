-- CitySort collection event store, version 4 (PostgreSQL): the site rollup by month becomes one row per site and calendar year, so that KPIs over a year read one row per site instead of twelve. Each count column packs the twelve months five bits apiece (month m, 1..12, in bits 5 × (m − 1) to 5 × (m − 1) + 4): a month's count is a number of days, at most 31, so it never carries into the next month, and adding and subtracting packed values adds and subtracts each month's count exactly. Kept from collection_rollup_site_day by a trigger (the rows' keys never change; only their counts and first minute do); other_cleared_days counts the days whose first other-waste pickup came no later than collection_rollup_settings.clearance_minute (W96-K3), which MonthRollups keeps equal to the profile's and recomputes the table when it changes. Replaces collection_rollup_site_month (version 3). Applied by EventSchemaMigrator; never edited once shipped.
DROP TRIGGER tr_collection_rollup_site_day ON collection_rollup_site_day;
DROP FUNCTION collection_rollup_site_month_apply();
DROP TABLE collection_rollup_site_month;

CREATE TABLE collection_rollup_site_year (
    year BIGINT NOT NULL,
    site_code TEXT NOT NULL,
    recyclable_days BIGINT NOT NULL,
    hazardous_days BIGINT NOT NULL,
    other_days BIGINT NOT NULL,
    kitchen_days BIGINT NOT NULL,
    other_cleared_days BIGINT NOT NULL,
    PRIMARY KEY (year, site_code)
);

INSERT INTO collection_rollup_site_year (year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
SELECT EXTRACT(YEAR FROM business_day)::bigint, site_code,
    SUM((category = 'Recyclable' AND pickup_count > 0)::int::bigint << (5 * (EXTRACT(MONTH FROM business_day)::int - 1)))::bigint,
    SUM((category = 'Hazardous' AND pickup_count > 0)::int::bigint << (5 * (EXTRACT(MONTH FROM business_day)::int - 1)))::bigint,
    SUM((category = 'Other' AND pickup_count > 0)::int::bigint << (5 * (EXTRACT(MONTH FROM business_day)::int - 1)))::bigint,
    SUM((category = 'Kitchen' AND pickup_count > 0)::int::bigint << (5 * (EXTRACT(MONTH FROM business_day)::int - 1)))::bigint,
    SUM((category = 'Other' AND pickup_count > 0 AND first_pickup_minute <= COALESCE((SELECT clearance_minute FROM collection_rollup_settings WHERE id = 1), 1439))::int::bigint
        << (5 * (EXTRACT(MONTH FROM business_day)::int - 1)))::bigint
FROM collection_rollup_site_day
GROUP BY EXTRACT(YEAR FROM business_day)::bigint, site_code;

CREATE FUNCTION collection_rollup_site_year_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deadline BIGINT;
    shift INT;
BEGIN
    SELECT clearance_minute INTO deadline FROM collection_rollup_settings WHERE id = 1;
    deadline := COALESCE(deadline, 1439);
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        shift := 5 * (EXTRACT(MONTH FROM OLD.business_day)::int - 1);
        UPDATE collection_rollup_site_year SET
            recyclable_days = recyclable_days - ((OLD.category = 'Recyclable' AND OLD.pickup_count > 0)::int::bigint << shift),
            hazardous_days = hazardous_days - ((OLD.category = 'Hazardous' AND OLD.pickup_count > 0)::int::bigint << shift),
            other_days = other_days - ((OLD.category = 'Other' AND OLD.pickup_count > 0)::int::bigint << shift),
            kitchen_days = kitchen_days - ((OLD.category = 'Kitchen' AND OLD.pickup_count > 0)::int::bigint << shift),
            other_cleared_days = other_cleared_days - ((OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= deadline)::int::bigint << shift)
        WHERE year = EXTRACT(YEAR FROM OLD.business_day)::bigint AND site_code = OLD.site_code;
    END IF;
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        shift := 5 * (EXTRACT(MONTH FROM NEW.business_day)::int - 1);
        INSERT INTO collection_rollup_site_year (year, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
        VALUES (
            EXTRACT(YEAR FROM NEW.business_day)::bigint, NEW.site_code,
            (NEW.category = 'Recyclable' AND NEW.pickup_count > 0)::int::bigint << shift,
            (NEW.category = 'Hazardous' AND NEW.pickup_count > 0)::int::bigint << shift,
            (NEW.category = 'Other' AND NEW.pickup_count > 0)::int::bigint << shift,
            (NEW.category = 'Kitchen' AND NEW.pickup_count > 0)::int::bigint << shift,
            (NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= deadline)::int::bigint << shift)
        ON CONFLICT (year, site_code) DO UPDATE SET
            recyclable_days = collection_rollup_site_year.recyclable_days + excluded.recyclable_days,
            hazardous_days = collection_rollup_site_year.hazardous_days + excluded.hazardous_days,
            other_days = collection_rollup_site_year.other_days + excluded.other_days,
            kitchen_days = collection_rollup_site_year.kitchen_days + excluded.kitchen_days,
            other_cleared_days = collection_rollup_site_year.other_cleared_days + excluded.other_cleared_days;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_collection_rollup_site_day_year AFTER INSERT OR UPDATE OR DELETE ON collection_rollup_site_day
    FOR EACH ROW EXECUTE FUNCTION collection_rollup_site_year_apply();
