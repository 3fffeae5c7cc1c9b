package dev.steward.core.status;

import static dev.steward.core.check.CheckFixtures.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.CheckStatus;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusPolicyTest {
    private static final Instant T = Instant.parse("2026-12-31T23:59:59Z");
    private static final CheckState UP = new CheckState.Up(T, 0, Optional.empty());
    private static final CheckState DOWN =
            new CheckState.Down(T, Failure.of(FailureKind.CONNECT, "connection refused by 127.0.0.1:5432"), 0);

    private final StackConfig stack = stack(
            service("frontend", List.of("api")),
            service("api", List.of("db", "cache")),
            service("db", List.of()),
            service("cache", List.of()));

    private static ServiceConfig service(String name, List<String> deps) {
        return new ServiceConfig(name, "", deps, Map.of(), List.of(check(name, "ping")), Optional.empty());
    }

    private static StackConfig stack(ServiceConfig... services) {
        Map<String, ServiceConfig> map = new LinkedHashMap<>();
        for (ServiceConfig s : services) {
            map.put(s.name(), s);
        }
        return new StackConfig("shop", map, List.of());
    }

    private static Map<CheckId, CheckState> states(
            CheckState frontend, CheckState api, CheckState db, CheckState cache) {
        return Map.of(
                new CheckId("frontend", "ping"), frontend,
                new CheckId("api", "ping"), api,
                new CheckId("db", "ping"), db,
                new CheckId("cache", "ping"), cache);
    }

    @Test
    void aServiceDownBecauseOfADependencySaysWhich() {
        var result = StatusPolicy.services(stack, states(DOWN, DOWN, DOWN, UP));
        assertThat(result.get("db").status()).isEqualTo(CheckStatus.DOWN);
        assertThat(result.get("db").reason()).isEqualTo("check ping: connect: connection refused by 127.0.0.1:5432");
        assertThat(result.get("api").status()).isEqualTo(CheckStatus.DEGRADED);
        assertThat(result.get("api").reason()).isEqualTo("degraded: db is down");
        assertThat(result.get("frontend").reason()).isEqualTo("degraded: api, db are down");
        assertThat(result.get("cache").status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void aServiceWhoseChecksPassIsUpEvenWhenADependencyIsDown() {
        var result = StatusPolicy.services(stack, states(UP, UP, DOWN, UP));
        assertThat(result.get("api").status()).isEqualTo(CheckStatus.UP);
        assertThat(result.get("api").downDependencies()).containsExactly("db");
    }

    @Test
    void everyCheckFailingAtOnceIsReportedUnknownNotDown() {
        var all = states(DOWN, DOWN, DOWN, new CheckState.Up(T, 1, Optional.empty()));
        assertThat(StatusPolicy.suspectConnectivity(all)).isTrue();
        var result = StatusPolicy.services(stack, all);
        assertThat(result.values()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(CheckStatus.UNKNOWN);
            assertThat(s.reason()).isEqualTo(StatusPolicy.SUSPECT_REASON);
        });
    }

    @Test
    void oneHealthyCheckIsEnoughToTrustTheFailures() {
        assertThat(StatusPolicy.suspectConnectivity(states(DOWN, DOWN, DOWN, UP)))
                .isFalse();
    }

    @Test
    void servicesWithoutResultsAreUnknown() {
        var result = StatusPolicy.services(stack, Map.of());
        assertThat(result.get("api").status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(result.get("api").reason()).isEqualTo("waiting for the first results");
    }

    @Test
    void aServiceInMaintenanceShowsMaintenanceAndIsNotADownDependency() {
        var result = StatusPolicy.services(
                stack,
                states(UP, DOWN, DOWN, UP),
                service -> service.equals("db") ? Optional.of("db upgrade until 04:00") : Optional.empty());
        assertThat(result.get("db").status()).isEqualTo(CheckStatus.MAINTENANCE);
        assertThat(result.get("db").reason()).isEqualTo("in maintenance: db upgrade until 04:00");
        assertThat(result.get("api").status()).isEqualTo(CheckStatus.DOWN);
        assertThat(result.get("api").downDependencies()).isEmpty();
    }
}
