-- Refusals at the doors (MQTT logins and topics, HTTP keys) are stored beside the intake's rejections
-- (docs/events.md, "Refusals at the doors"): the MQTT client id or HTTP peer address, and on a summary row the
-- number of further refusals of the same client in the same minute that were counted but not stored one by one.
ALTER TABLE collection_rejections ADD COLUMN client_id TEXT NULL;
ALTER TABLE collection_rejections ADD COLUMN dropped_count INTEGER NOT NULL DEFAULT 0;
