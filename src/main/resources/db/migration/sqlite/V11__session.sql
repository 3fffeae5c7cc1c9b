-- Console sessions. The cookie carries a random secret; only its SHA-256 is kept here. Times are epoch milliseconds.
CREATE TABLE console_session (
    id               TEXT NOT NULL PRIMARY KEY,
    user_name        TEXT NOT NULL,
    csrf             TEXT NOT NULL,
    created_at_ms    BIGINT NOT NULL,
    last_seen_at_ms  BIGINT NOT NULL,
    expires_at_ms    BIGINT NOT NULL,
    address          TEXT NOT NULL
);

CREATE INDEX console_session_user ON console_session (user_name);
