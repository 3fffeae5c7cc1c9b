-- The latest ALERTS_FOR_STATE sample of every pending or firing alert, saved so that a restart restores the time
-- alerts have spent pending (see dev.steward.core.rule.ForStateRestore). Replaced as a whole at every save.
CREATE TABLE alert_for_state (
    labels_json  TEXT             NOT NULL PRIMARY KEY,
    sample_ms    BIGINT           NOT NULL,
    active_at_s  DOUBLE PRECISION NOT NULL
);
