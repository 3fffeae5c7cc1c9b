-- The tamper-evident audit log (see dev.steward.core.audit): records are only ever inserted, by increasing seq from 1;
-- hash is the SHA-256 of the record's canonical encoding (AuditEncoding), prev_hash that of the record before it.
-- Instants are epoch milliseconds. before_json and after_json hold JSON text, or '' when there is nothing.
CREATE TABLE audit_record (
    seq          BIGINT NOT NULL PRIMARY KEY,
    at           BIGINT NOT NULL,
    actor        TEXT   NOT NULL,
    source       TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    target       TEXT   NOT NULL,
    before_json  TEXT   NOT NULL,
    after_json   TEXT   NOT NULL,
    prev_hash    TEXT   NOT NULL,
    hash         TEXT   NOT NULL
);
CREATE INDEX audit_record_actor ON audit_record (actor, seq);
CREATE INDEX audit_record_action ON audit_record (action, seq);
CREATE INDEX audit_record_at ON audit_record (at);

-- Signed checkpoints: "the record at seq has this hash", HMAC-SHA256 under the audit key, one per seq.
CREATE TABLE audit_checkpoint (
    seq        BIGINT NOT NULL PRIMARY KEY,
    hash       TEXT   NOT NULL,
    at         BIGINT NOT NULL,
    signature  TEXT   NOT NULL
);
