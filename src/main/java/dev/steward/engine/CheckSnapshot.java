package dev.steward.engine;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import java.time.Instant;
import java.util.Optional;

/** What the loop knows about one check at one moment: its configuration, state, latest result and next run. */
public record CheckSnapshot(
        CheckConfig config, CheckState state, Optional<ProbeResult> last, Optional<Instant> nextDue, boolean running) {}
