-- Incidents (see dev.steward.core.incident.Incident): the current incident as JSON, with the columns the list filters
-- and sorts on copied out of it. Instants are epoch milliseconds. Same tables on SQLite and PostgreSQL.
CREATE TABLE incident (
    id              TEXT    NOT NULL PRIMARY KEY,
    state           TEXT    NOT NULL,
    service         TEXT    NOT NULL,
    severity        TEXT    NOT NULL,
    group_key       TEXT    NOT NULL,
    receiver        TEXT    NOT NULL,
    opened_at_ms    BIGINT  NOT NULL,
    resolved_at_ms  BIGINT,
    body_json       TEXT    NOT NULL
);

CREATE INDEX incident_by_opened ON incident (opened_at_ms, id);
CREATE INDEX incident_by_state ON incident (state, opened_at_ms);
CREATE INDEX incident_by_service ON incident (service, opened_at_ms);

-- The timeline, append-only: seq numbers an incident's entries from 0 in the order they happened.
CREATE TABLE incident_timeline (
    incident_id     TEXT    NOT NULL REFERENCES incident (id),
    seq             INTEGER NOT NULL,
    at_ms           BIGINT  NOT NULL,
    actor           TEXT    NOT NULL,
    what            TEXT    NOT NULL,
    PRIMARY KEY (incident_id, seq)
);
