-- Deployments (see dev.steward.core.deploy.Deployment): the plan and the current state as JSON, with the columns
-- lists filter and sort on copied out of them; revision guards against two writers. Instants are epoch milliseconds.
CREATE TABLE deployment (
    id              TEXT    NOT NULL PRIMARY KEY,
    service         TEXT    NOT NULL,
    environment     TEXT    NOT NULL,
    version         TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    active          INTEGER NOT NULL,
    created_at_ms   BIGINT  NOT NULL,
    revision        BIGINT  NOT NULL,
    body_json       TEXT    NOT NULL
);

CREATE INDEX deployment_by_created ON deployment (created_at_ms, id);
CREATE INDEX deployment_by_service ON deployment (service, created_at_ms);
CREATE INDEX deployment_by_version ON deployment (service, environment, version, state);
CREATE INDEX deployment_active ON deployment (active, created_at_ms);

-- The timeline, append-only: seq numbers a deployment's events from 0; measurements as a JSON list.
CREATE TABLE deployment_timeline (
    deployment_id   TEXT    NOT NULL REFERENCES deployment (id),
    seq             INTEGER NOT NULL,
    at_ms           BIGINT  NOT NULL,
    actor           TEXT    NOT NULL,
    event_trigger   TEXT    NOT NULL,
    from_state      TEXT    NOT NULL,
    to_state        TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    measurements    TEXT    NOT NULL,
    page            INTEGER NOT NULL,
    PRIMARY KEY (deployment_id, seq)
);
