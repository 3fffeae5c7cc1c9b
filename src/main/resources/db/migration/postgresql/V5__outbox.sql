-- The notification outbox (see dev.steward.core.outbox.OutboxEntry): one row per message and channel, the message as
-- JSON, its latest delivery state in columns. Instants are epoch milliseconds. seq is the enqueue order that
-- "in order per incident" follows. state is 'pending', 'delivered' or 'abandoned'; next_attempt_at is set only when
-- pending, final_at only when final; error_* hold the latest failure (the abandon reason when abandoned).
CREATE TABLE outbox (
    id               TEXT    NOT NULL PRIMARY KEY,
    seq              BIGINT  NOT NULL UNIQUE,
    channel          TEXT    NOT NULL,
    idempotency_key  TEXT    NOT NULL,
    ordering_key     TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    message_json     TEXT    NOT NULL,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  BIGINT,
    error_reason     TEXT,
    error_detail     TEXT,
    error_at         BIGINT,
    final_at         BIGINT
);
CREATE INDEX outbox_state_seq ON outbox (state, seq);
CREATE INDEX outbox_channel_state ON outbox (channel, state);
