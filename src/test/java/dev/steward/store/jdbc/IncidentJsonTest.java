package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.HoldCause;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentState;
import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored JSON is a format: readable names for states, causes and targets, ISO instants, no timeline. */
class IncidentJsonTest {
    private static final Instant T = Instant.parse("2026-12-31T23:59:59.123Z");

    @Test
    void theJsonNamesTypesKeepsInstantsReadableAndLeavesTheTimelineToItsRows() {
        Labels group = Labels.of("service", "api");
        Incident incident = new Incident(
                "01JX",
                new GroupKey("{}", group),
                "ops",
                "ApiDown on api",
                "api",
                new Severity("critical", Duration.ofMinutes(15), "standard"),
                new EscalationPolicy(
                        "standard",
                        List.of(new EscalationPolicy.Level(Duration.ofMinutes(5), List.of(new Target.Person("alice")))),
                        2),
                List.of(Alert.firing(Labels.of("alertname", "ApiDown", "service", "api"), T)
                        .withAnnotations(Map.of("value", "0"))),
                new IncidentState.Held(new HoldCause.DependencyDown("db"), T, Optional.empty()),
                T,
                Optional.empty(),
                Optional.of(new Target.Schedule("backend")),
                List.of(),
                List.of(new Target.Receiver("ops")),
                List.of(new dev.steward.core.incident.TimelineEntry(T, "steward", "opened")));

        String json = IncidentJson.write(incident);

        assertThat(json)
                .contains("\"type\":\"held\"", "\"type\":\"dependency_down\"", "\"type\":\"schedule\"")
                .contains("\"2026-12-31T23:59:59.123Z\"")
                .doesNotContain("timeline\":[{", "\"open\"");
        assertThat(IncidentJson.read(json)).isEqualTo(incident.withTimeline(List.of()));
    }
}
