-- Check state transitions (see dev.steward.core.history.CheckEvent). id orders events of the same millisecond.
-- Same table, same columns as postgresql/V2__check_event.sql; only the generated key differs (rowid alias here).
CREATE TABLE check_event (
    id          INTEGER PRIMARY KEY,
    service     TEXT    NOT NULL,
    check_name  TEXT    NOT NULL,
    at_ms       BIGINT  NOT NULL,
    from_state  TEXT    NOT NULL,
    to_state    TEXT    NOT NULL,
    reason      TEXT    NOT NULL
);

CREATE INDEX check_event_by_check ON check_event (service, check_name, at_ms, id);
CREATE INDEX check_event_by_age ON check_event (at_ms);
