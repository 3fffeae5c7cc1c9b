package dev.steward.core.deploy;

import java.util.Locale;

/**
 * What moves a deployment: an operator's command (present tense) or something that happened (past tense). Every
 * move is recorded on the timeline under its trigger.
 */
public enum Trigger {
    PROMOTE(true),
    PAUSE(true),
    RESUME(true),
    ABORT(true),
    ROLLBACK(true),
    START_NEAR(false),
    STARTED(false),
    BEFORE_GATES_BLOCKED(false),
    BEFORE_GATES_PASSED(false),
    STEP_ISSUED(false),
    STEP_RETRIED(false),
    STEP_APPLIED(false),
    STEP_FAILED(false),
    MEASURED(false),
    GATE_FAILED(false),
    ANALYSIS_INCONCLUSIVE(false),
    QUERY_ERRORS_REPEATED(false),
    DATA_INSUFFICIENT(false),
    STEP_PASSED(false),
    VALIDATED(false),
    CLEANUP_ISSUED(false),
    CLEANED_UP(false),
    CLEANUP_FAILED(false),
    ROLLBACK_HELD(false),
    ROLLBACK_ISSUED(false),
    ROLLBACK_RETRIED(false),
    ROLLBACK_APPLIED(false),
    ROLLBACK_VERIFIED(false),
    ROLLBACK_FAILED(false),
    RESTARTED(false);

    private final boolean command;

    Trigger(boolean command) {
        this.command = command;
    }

    public boolean command() {
        return command;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
