-- Maintenance windows created through the API (see dev.steward.core.maintenance.MaintenanceWindow), one row each,
-- the window as JSON; ended_at is set when an operator ends one early. seq keeps the order of creation.
-- Windows declared in the stack file are not stored: the file is their source.
CREATE TABLE maintenance_window (
    id          TEXT   NOT NULL PRIMARY KEY,
    seq         BIGINT NOT NULL,
    ended_at    TEXT,
    body_json   TEXT   NOT NULL
);
