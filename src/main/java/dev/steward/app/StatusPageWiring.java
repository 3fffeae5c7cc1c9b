package dev.steward.app;

import dev.steward.api.ApiBackend;
import dev.steward.audit.AuditLog;
import dev.steward.core.check.CheckState;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.statuspage.ComponentPolicy;
import dev.steward.core.statuspage.ComponentStatus;
import dev.steward.core.statuspage.PublicIncident;
import dev.steward.core.statuspage.PublicIncidents;
import dev.steward.engine.StatusPageLoop;
import dev.steward.statuspage.StatusPageApi;
import dev.steward.statuspage.StatusPageRegistry;
import dev.steward.statuspage.StatusPageSource;
import dev.steward.store.jdbc.Database;
import dev.steward.store.jdbc.JdbcStatusPageStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public status page's parts, wired for the daemon: the registry on the JDBC store, the loop that feeds it check
 * changes, the routes, and its changes on the audit log.
 */
final class StatusPageWiring implements StatusPageSource {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiBackend daemon;
    private final Supplier<MaintenanceCalendar> calendar;
    private final BiFunction<String, Instant, Optional<String>> maintenanceOf;
    private final StatusPageRegistry registry;
    private final StatusPageLoop loop;
    private final StatusPageApi api;

    /**
     * @param daemon the daemon's configuration, check states and rollups (read when the page is evaluated or shown)
     * @param maintenanceOf why a service is in maintenance at an instant, empty when it is not
     * @param baseUrl the daemon's public address, for the feeds' links
     */
    StatusPageWiring(
            Database database,
            InstantSource clock,
            ApiBackend daemon,
            Supplier<MaintenanceCalendar> calendar,
            BiFunction<String, Instant, Optional<String>> maintenanceOf,
            Supplier<String> baseUrl) {
        this.daemon = daemon;
        this.calendar = calendar;
        this.maintenanceOf = maintenanceOf;
        this.registry = StatusPageRegistry.withRandomIds(new JdbcStatusPageStore(database), clock);
        this.loop = new StatusPageLoop(now -> registry.evaluate(daemon.config().statusPage(), components(now), now));
        this.api = new StatusPageApi(this, registry, baseUrl);
    }

    StatusPageLoop loop() {
        return loop;
    }

    StatusPageApi api() {
        return api;
    }

    StatusPageRegistry registry() {
        return registry;
    }

    /** The console's status page section, with the console's frame for the request's viewer. */
    java.util.function.Consumer<io.javalin.config.JavalinConfig> consolePages(dev.steward.api.AccessControl access) {
        var views = new dev.steward.console.Views(access, () -> daemon.config().stack(), Version.get());
        return new dev.steward.statuspage.StatusPageConsole(
                registry, views, () -> daemon.config().statusPage().publish().label())::mount;
    }

    /** Every change, by a person or by Steward, goes on the audit log with the incident before and after. */
    void recordOn(AuditLog audit) {
        registry.onChange((action, by, before, after) -> audit.record(
                by,
                by.equals(PublicIncidents.STEWARD) ? "status-page" : "api",
                action,
                "status-page/" + after.id(),
                before.map(StatusPageWiring::summary).orElse(""),
                summary(after)));
    }

    static String summary(PublicIncident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", i.stage().label());
        m.put("title", i.title());
        m.put("impact", i.impact().label());
        m.put("status", i.status().label());
        m.put("components", i.components());
        m.put("updates", i.updates().size());
        i.updates().stream().reduce((a, b) -> b).ifPresent(u -> m.put("last_update", u.message()));
        i.proposed().ifPresent(p -> m.put("proposed", p.status().label() + ": " + p.message()));
        return JSON.writeValueAsString(m);
    }

    private Map<String, ComponentStatus> components(Instant now) {
        Map<CheckId, CheckState> states = new LinkedHashMap<>();
        daemon.checks().forEach((id, snapshot) -> states.put(id, snapshot.state()));
        return ComponentPolicy.statuses(daemon.config(), states, service -> maintenanceOf.apply(service, now));
    }

    @Override
    public Instant now() {
        return daemon.now();
    }

    @Override
    public StackConfig config() {
        return daemon.config();
    }

    @Override
    public Map<String, ComponentStatus> components() {
        return components(daemon.now());
    }

    @Override
    public List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to) {
        return daemon.rollups(check, resolution, from, to);
    }

    @Override
    public MaintenanceCalendar maintenance() {
        return calendar.get();
    }
}
