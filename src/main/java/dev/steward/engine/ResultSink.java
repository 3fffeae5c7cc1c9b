package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatusChanged;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import java.util.Optional;

/** Receives every judged probe result, in order per check. Implementations must not block for long. */
public interface ResultSink {

    void accept(CheckConfig check, ProbeResult result, CheckState state, Optional<CheckStatusChanged> change);
}
