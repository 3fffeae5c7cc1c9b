package dev.steward.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.oncall.EscalationPolicy;
import dev.steward.core.oncall.Severity;
import dev.steward.core.oncall.Target;
import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A timeline driver for the incident policy: instants are offsets from an awkward start (the last minutes of 29
 * February), incidents are kept as the daemon would keep them, and every step's pages are remembered.
 */
public final class Scenario {
    static final Instant T0 = Instant.parse("2028-02-29T23:58:00Z");
    static final Labels GROUP_LABELS = Labels.of("alertname", "ApiDown", "service", "api");
    static final GroupKey GROUP = new GroupKey("{}/{service=\"api\"}/0", GROUP_LABELS);
    static final Target ALICE = new Target.Person("alice");
    static final Target BOB = new Target.Person("bob");
    static final Target OPS = new Target.Receiver("ops");

    IncidentPolicy policy;
    public final Map<String, Incident> incidents = new LinkedHashMap<>();
    final Map<String, HoldCause> holds = new HashMap<>();
    final List<Page> allPages = new ArrayList<>();
    IncidentStep last = IncidentStep.NOTHING;
    private int ids;

    Scenario(IncidentPolicy policy) {
        this.policy = policy;
    }

    /** Level 0 alice (5m), level 1 bob (10m), repeated once; critical responds within 15m. */
    public static Scenario standard() {
        return new Scenario(policy(twoLevels(ALICE, BOB, 1), Duration.ofMinutes(15)));
    }

    static EscalationPolicy twoLevels(Target first, Target second, int repeat) {
        return new EscalationPolicy(
                "standard",
                List.of(
                        new EscalationPolicy.Level(Duration.ofMinutes(5), List.of(first)),
                        new EscalationPolicy.Level(Duration.ofMinutes(10), List.of(second))),
                repeat);
    }

    static IncidentPolicy policy(EscalationPolicy escalation, Duration respondWithin) {
        return new IncidentPolicy(
                IncidentSettings.DEFAULTS,
                Map.of("critical", new Severity("critical", respondWithin, escalation.name())),
                Map.of(escalation.name(), escalation));
    }

    static Instant at(Duration offset) {
        return T0.plus(offset);
    }

    public static Alert alert(String instance) {
        return Alert.firing(
                        Labels.of(
                                "alertname", "ApiDown", "service", "api", "severity", "critical", "instance", instance),
                        T0.minusSeconds(60))
                .withAnnotations(Map.of("summary", "API down on " + instance, "value", "0"));
    }

    HoldOracle oracle() {
        return (service, now) -> Optional.ofNullable(holds.get(service));
    }

    public IncidentStep notify(Duration offset, List<Alert> firing, List<Alert> resolved) {
        Instant now = at(offset);
        List<Alert> ended = resolved.stream().map(a -> a.resolvedAt(now)).toList();
        Notification n = new Notification("ops", GROUP, GROUP_LABELS, firing, ended, now);
        return apply(policy.onNotification(n, new IncidentContext(open(), oracle(), () -> "inc-" + ++ids), now));
    }

    public IncidentStep tick(Duration offset) {
        return apply(policy.tick(List.copyOf(incidents.values()), oracle(), at(offset)));
    }

    CommandOutcome command(CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.Applied a) {
            apply(a.step());
        } else {
            last = IncidentStep.NOTHING;
        }
        return outcome;
    }

    private IncidentStep apply(IncidentStep step) {
        step.incidents().forEach(i -> incidents.put(i.id(), i));
        allPages.addAll(step.pages());
        last = step;
        return step;
    }

    List<Incident> open() {
        return incidents.values().stream().filter(Incident::isOpen).toList();
    }

    public Incident only() {
        assertThat(incidents).hasSize(1);
        return incidents.values().iterator().next();
    }

    Optional<Instant> nextDue() {
        return IncidentPolicy.nextDue(incidents.values());
    }

    List<String> timeline() {
        return only().timeline().stream().map(TimelineEntry::what).toList();
    }
}
