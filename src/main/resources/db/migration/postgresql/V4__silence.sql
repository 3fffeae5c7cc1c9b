-- Alertmanager-compatible silences (see dev.steward.core.silence.Silence), one row each, the silence as JSON.
-- seq keeps the order in which silences were first saved.
CREATE TABLE silence (
    id          TEXT   NOT NULL PRIMARY KEY,
    seq         BIGINT NOT NULL,
    body_json   TEXT   NOT NULL
);
