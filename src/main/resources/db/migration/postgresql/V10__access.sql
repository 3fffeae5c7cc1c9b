-- Users who log in with a password (created by `steward user add` or the admin API; the stack file's users are not
-- stored) and API tokens. A token's secret is kept only as the SHA-256 of the token text; times are epoch milliseconds.
CREATE TABLE access_user (
    name           TEXT NOT NULL PRIMARY KEY,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL
);

CREATE TABLE api_token (
    id            TEXT NOT NULL PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    hash          TEXT NOT NULL,
    created_at_ms    BIGINT NOT NULL,
    expires_at_ms    BIGINT,
    last_used_at_ms  BIGINT
);
