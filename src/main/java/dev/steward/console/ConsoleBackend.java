package dev.steward.console;

import dev.steward.amapi.AlertSource;
import dev.steward.amapi.SilenceRegistry;
import dev.steward.api.IncidentApi;
import dev.steward.api.MaintenanceBackend;
import dev.steward.audit.AuditLog;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.engine.CheckSnapshot;
import dev.steward.engine.Deployments;
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

    /** The audited incident backend of {@code /api/v1/incidents}: console commands are checked and recorded alike. */
    IncidentApi.Backend incidents();

    /** The silences of {@code /api/v2/silences}; the registry audits every change it stores. */
    SilenceRegistry silences();

    /** The alerts routing holds, as {@code GET /api/v2/alerts} shows them. */
    AlertSource alerts();

    /** The audited maintenance backend of {@code /api/v1/maintenance}. */
    MaintenanceBackend windows();

    AuditLog audit();

    /** PromQL over Steward's series (scraped metrics and probe series). */
    PrometheusBackend queries();

    Instant now();

    /**
     * The deployments of {@code /api/v1/deployments}: the console lists and reads them, and sends operators' commands
     * through {@link Deployments#command}, whose listener audits them as it does the API's.
     */
    Deployments deployments();
}
