package dev.steward.core.statuspage;

import static dev.steward.core.check.CheckFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckState;
import dev.steward.core.config.AccessConfig;
import dev.steward.core.config.AlertingConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.oncall.OnCall;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComponentPolicyTest {
    private static final Instant T = Instant.parse("2028-02-29T23:59:59Z");
    static final CheckState UP = new CheckState.Up(T, 0, Optional.empty());
    static final CheckState DOWN = new CheckState.Down(T, Failure.of(FailureKind.CONNECT, "connection refused"), 0);

    /** api (checks health, detailed) depends on db; web alone; "Backend" shows api and db, "Web" shows web. */
    static StackConfig stack() {
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        services.put(
                "api",
                new ServiceConfig(
                        "api",
                        "",
                        List.of("db"),
                        Map.of(),
                        List.of(check("api", "health"), check("api", "detailed")),
                        Optional.empty()));
        services.put(
                "db", new ServiceConfig("db", "", List.of(), Map.of(), List.of(check("db", "ping")), Optional.empty()));
        services.put(
                "web",
                new ServiceConfig("web", "", List.of(), Map.of(), List.of(check("web", "home")), Optional.empty()));
        StatusPageConfig page = new StatusPageConfig(
                "Shop",
                "",
                List.of(
                        new StatusPageConfig.Group(
                                "Core",
                                List.of(
                                        new StatusPageConfig.Component("Backend", List.of("api", "db"), ""),
                                        new StatusPageConfig.Component("API", List.of("api"), ""))),
                        new StatusPageConfig.Group(
                                "Site", List.of(new StatusPageConfig.Component("Web", List.of("web"), "")))),
                StatusPageConfig.Publish.MANUAL);
        return new StackConfig(
                "shop",
                services,
                List.of(),
                List.of(),
                AlertingConfig.DEFAULTS,
                OnCall.EMPTY,
                List.of(),
                AccessConfig.DEFAULTS,
                dev.steward.core.config.ConsoleConfig.DEFAULTS,
                dev.steward.core.deploy.DeploySettings.NONE,
                page);
    }

    static Map<CheckId, CheckState> states(CheckState health, CheckState detailed, CheckState db, CheckState web) {
        Map<CheckId, CheckState> m = new HashMap<>();
        m.put(new CheckId("api", "health"), health);
        m.put(new CheckId("api", "detailed"), detailed);
        m.put(new CheckId("db", "ping"), db);
        m.put(new CheckId("web", "home"), web);
        return m;
    }

    private static Map<String, ComponentStatus> statuses(Map<CheckId, CheckState> states) {
        return ComponentPolicy.statuses(stack(), states, s -> Optional.empty());
    }

    @Test
    void everythingUpIsOperationalInPageOrder() {
        assertThat(statuses(states(UP, UP, UP, UP)))
                .containsExactly(
                        Map.entry("Backend", ComponentStatus.OPERATIONAL),
                        Map.entry("API", ComponentStatus.OPERATIONAL),
                        Map.entry("Web", ComponentStatus.OPERATIONAL));
    }

    @Test
    void oneFailingCheckOfTwoIsAPartialOutageAndBothAMajorOne() {
        assertThat(statuses(states(DOWN, UP, UP, UP)).get("API")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(statuses(states(DOWN, DOWN, UP, UP)).get("API")).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(statuses(states(DOWN, DOWN, UP, UP)).get("Backend")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }

    @Test
    void aServiceDownBecauseOfItsDependencyIsDegradedPerformance() {
        var s = statuses(states(DOWN, DOWN, DOWN, UP));
        assertThat(s.get("API")).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(s.get("Backend")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    }

    @Test
    void maintenanceShowsUnderMaintenanceWhateverTheChecksSay() {
        var s = ComponentPolicy.statuses(
                stack(),
                states(UP, UP, UP, DOWN),
                service -> service.equals("web") ? Optional.of("deploy") : Optional.empty());
        assertThat(s.get("Web")).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(ComponentPolicy.overall(s)).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
    }

    @Test
    void checksWithoutResultsYetAreNotPublishedAsAnOutage() {
        assertThat(ComponentPolicy.statuses(stack(), Map.of(), s -> Optional.empty())
                        .values())
                .containsOnly(ComponentStatus.OPERATIONAL);
    }

    @Test
    void theOverallStatusIsTheWorstComponent() {
        assertThat(ComponentPolicy.overall(statuses(states(DOWN, UP, UP, DOWN))))
                .isEqualTo(ComponentStatus.MAJOR_OUTAGE);
    }
}
