package dev.steward.core.deploy;

import java.util.Locale;

/** The name of each {@link DeploymentState}, used by the transition table, the store and the API. */
public enum StateKind {
    SCHEDULED,
    CHECKING,
    PROGRESSING,
    ANALYSING,
    PAUSED,
    VALIDATING,
    SUCCEEDED,
    ROLLING_BACK,
    ROLLED_BACK,
    FROZEN,
    ABORTED,
    FAILED;

    public boolean terminal() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == ABORTED || this == FAILED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
