package dev.steward.api;

import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.engine.CheckSnapshot;
import dev.steward.scrape.ScrapeLoop;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the HTTP layer needs from the daemon. */
public interface ApiBackend {

    StackConfig config();

    Map<CheckId, CheckSnapshot> checks();

    List<ScrapeLoop.TargetStatus> scrapes();

    List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to);

    List<CheckEvent> events(CheckId check, Instant from, Instant to, int limit);

    /** Reloads the stack file; on errors the running configuration stays. */
    ReloadOutcome reload(String trigger);

    /** Prometheus text exposition of Steward's metrics and every probe's latest series. */
    String metricsText();

    /** The daemon's own health: component name to (healthy, details). */
    Map<String, ComponentHealth> health();

    Instant now();

    record ComponentHealth(boolean up, Map<String, Object> details) {}

    /** One error of a rejected stack file: where, the path ({@code services.api.checks[0].interval}), what. */
    record ConfigProblem(
            String file, int line, int column, String path, String message, String seen, String expected) {}

    sealed interface ReloadOutcome {
        record Reloaded(int checks, int added, int removed, int changed) implements ReloadOutcome {}

        record Rejected(List<ConfigProblem> errors) implements ReloadOutcome {}
    }

    /** Why {@code service} is in a maintenance window now, empty when it is not (or there are none). */
    default java.util.Optional<String> maintenance(String service) {
        return java.util.Optional.empty();
    }
}
