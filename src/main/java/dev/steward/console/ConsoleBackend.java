package dev.steward.console;

import dev.steward.api.IncidentApi;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.engine.CheckSnapshot;
import dev.steward.promapi.PrometheusBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the console reads from the daemon. */
public interface ConsoleBackend {
    StackConfig config();

    Map<CheckId, CheckSnapshot> checks();

    /** Why {@code service} is in a maintenance window now; empty when it is not. */
    Optional<String> maintenance(String service);

    List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to);

    /** Newest first. */
    List<CheckEvent> events(CheckId check, Instant from, Instant to, int limit);

    /** The share of successful probes of every check over {@code window} (empty with no probe in it). */
    OptionalDouble uptime(Duration window);

    IncidentApi.Backend incidents();

    /** PromQL over Steward's series (scraped metrics and probe series). */
    PrometheusBackend queries();

    Instant now();
}
