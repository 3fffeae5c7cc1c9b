-- Per-check rollups (see dev.steward.core.rollup.Rollup). Instants are epoch milliseconds, latencies nanoseconds.
-- Same table, same columns as postgresql/V1__check_rollup.sql; only the binary type differs (BLOB here).
CREATE TABLE check_rollup (
    service         TEXT    NOT NULL,
    check_name      TEXT    NOT NULL,
    resolution      TEXT    NOT NULL,
    bucket_start_ms BIGINT  NOT NULL,
    probe_count     BIGINT  NOT NULL,
    failure_count   BIGINT  NOT NULL,
    latency_min_ns  BIGINT  NOT NULL,
    latency_max_ns  BIGINT  NOT NULL,
    latency_sum_ns  BIGINT  NOT NULL,
    latency_sketch  BLOB    NOT NULL,
    PRIMARY KEY (service, check_name, resolution, bucket_start_ms)
) WITHOUT ROWID;

CREATE INDEX check_rollup_by_age ON check_rollup (resolution, bucket_start_ms);
