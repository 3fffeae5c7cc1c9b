-- The public status page (see dev.steward.core.statuspage): incidents shown at /status, Steward's drafts among them
-- (stage 'draft', never public). Instants are epoch milliseconds; components is a JSON list of component names.
-- Same tables on SQLite and PostgreSQL.
CREATE TABLE status_incident (
    id               TEXT    NOT NULL PRIMARY KEY,
    stage            TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    impact           TEXT    NOT NULL,
    components_json  TEXT    NOT NULL,
    created_at_ms    BIGINT  NOT NULL,
    created_by       TEXT    NOT NULL,
    published_at_ms  BIGINT,
    resolved_at_ms   BIGINT,
    discarded_at_ms  BIGINT,
    discarded_by     TEXT
);

CREATE INDEX status_incident_by_stage ON status_incident (stage, created_at_ms);
CREATE INDEX status_incident_by_resolved ON status_incident (resolved_at_ms);

-- Published updates, append-only: seq numbers an incident's updates from 0 in the order they were published.
CREATE TABLE status_update (
    incident_id  TEXT    NOT NULL REFERENCES status_incident (id),
    seq          INTEGER NOT NULL,
    at_ms        BIGINT  NOT NULL,
    status       TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    by_name      TEXT    NOT NULL,
    PRIMARY KEY (incident_id, seq)
);

-- The update waiting for a person (a draft's first update, or Steward's "resolved" proposal): at most one each.
CREATE TABLE status_proposal (
    incident_id  TEXT    NOT NULL PRIMARY KEY REFERENCES status_incident (id),
    at_ms        BIGINT  NOT NULL,
    status       TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    by_name      TEXT    NOT NULL
);
