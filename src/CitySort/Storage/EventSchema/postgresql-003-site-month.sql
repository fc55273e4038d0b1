-- CitySort collection event store, version 2 (PostgreSQL): the site rollup by month, so that KPIs over months read one row per site and month instead of one per site, day and category. Kept from collection_rollup_site_day by a trigger (the rows' keys never change; only their counts and first minute do); other_cleared_days counts the days whose first other-waste pickup came no later than collection_rollup_settings.clearance_minute (W96-K3), which MonthRollups keeps equal to the profile's and recomputes the table when it changes. Applied by EventSchemaMigrator; never edited once shipped.
CREATE TABLE collection_rollup_settings (
    id BIGINT NOT NULL PRIMARY KEY CHECK (id = 1),
    clearance_minute BIGINT NOT NULL
);

CREATE TABLE collection_rollup_site_month (
    month DATE NOT NULL,
    site_code TEXT NOT NULL,
    recyclable_days BIGINT NOT NULL,
    hazardous_days BIGINT NOT NULL,
    other_days BIGINT NOT NULL,
    kitchen_days BIGINT NOT NULL,
    other_cleared_days BIGINT NOT NULL,
    PRIMARY KEY (month, site_code)
);

CREATE FUNCTION collection_rollup_site_month_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    deadline BIGINT;
BEGIN
    SELECT clearance_minute INTO deadline FROM collection_rollup_settings WHERE id = 1;
    deadline := COALESCE(deadline, 1439);
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        UPDATE collection_rollup_site_month SET
            recyclable_days = recyclable_days - (OLD.category = 'Recyclable' AND OLD.pickup_count > 0)::int,
            hazardous_days = hazardous_days - (OLD.category = 'Hazardous' AND OLD.pickup_count > 0)::int,
            other_days = other_days - (OLD.category = 'Other' AND OLD.pickup_count > 0)::int,
            kitchen_days = kitchen_days - (OLD.category = 'Kitchen' AND OLD.pickup_count > 0)::int,
            other_cleared_days = other_cleared_days - (OLD.category = 'Other' AND OLD.pickup_count > 0 AND OLD.first_pickup_minute <= deadline)::int
        WHERE month = date_trunc('month', OLD.business_day)::date AND site_code = OLD.site_code;
    END IF;
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        INSERT INTO collection_rollup_site_month (month, site_code, recyclable_days, hazardous_days, other_days, kitchen_days, other_cleared_days)
        VALUES (
            date_trunc('month', NEW.business_day)::date, NEW.site_code,
            (NEW.category = 'Recyclable' AND NEW.pickup_count > 0)::int,
            (NEW.category = 'Hazardous' AND NEW.pickup_count > 0)::int,
            (NEW.category = 'Other' AND NEW.pickup_count > 0)::int,
            (NEW.category = 'Kitchen' AND NEW.pickup_count > 0)::int,
            (NEW.category = 'Other' AND NEW.pickup_count > 0 AND NEW.first_pickup_minute <= deadline)::int)
        ON CONFLICT (month, site_code) DO UPDATE SET
            recyclable_days = collection_rollup_site_month.recyclable_days + excluded.recyclable_days,
            hazardous_days = collection_rollup_site_month.hazardous_days + excluded.hazardous_days,
            other_days = collection_rollup_site_month.other_days + excluded.other_days,
            kitchen_days = collection_rollup_site_month.kitchen_days + excluded.kitchen_days,
            other_cleared_days = collection_rollup_site_month.other_cleared_days + excluded.other_cleared_days;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_collection_rollup_site_day AFTER INSERT OR UPDATE OR DELETE ON collection_rollup_site_day
    FOR EACH ROW EXECUTE FUNCTION collection_rollup_site_month_apply();
