package dev.steward.core.incident;

import static dev.steward.core.incident.Scenario.alert;
import static dev.steward.core.incident.Scenario.at;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.oncall.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the tick must run next, and timers that meet a hold. */
class IncidentDueTest {
    @Test
    void nextDueIsTheEarliestTimerOfAnyOpenIncidentIncludingTheRespondByInstant() {
        Scenario s = new Scenario(Scenario.policy(Scenario.twoLevels(Scenario.ALICE, Scenario.BOB, 0), ofMinutes(3)));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        assertThat(s.nextDue()).contains(at(ofMinutes(3)));

        s.tick(ofMinutes(3));
        assertThat(s.nextDue()).contains(at(ofMinutes(5)));
        s.tick(ofMinutes(5));
        assertThat(s.nextDue()).isEmpty();
        assertThat(IncidentPolicy.nextDue(List.of())).isEmpty();
    }

    @Test
    void anAcknowledgementTimeoutDuringAHoldHoldsInsteadOfPaging() {
        Scenario s = Scenario.standard();
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.command(s.policy.acknowledge(s.only(), "alice", at(ofMinutes(1))));
        s.holds.put("api", new HoldCause.DependencyDown("db"));

        s.tick(ofMinutes(31));

        assertThat(s.only().state()).isInstanceOf(Held.class);
        assertThat(s.last.pages()).isEmpty();
        assertThat(s.timeline()).last().isEqualTo("held: caused by db");
    }

    @Test
    void withoutASettlePeriodALiftedDependencyHoldPagesAtOnce() {
        Scenario s = new Scenario(new IncidentPolicy(
                new IncidentSettings(ofMinutes(30), Duration.ZERO, "service", "severity", "critical"),
                Map.of(),
                Map.of()));
        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.holds.clear();

        s.tick(ofSeconds(10));

        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.last.pages())
                .singleElement()
                .satisfies(p -> assertThat(p.targets()).containsExactly(Scenario.OPS));
    }

    @Test
    void reassigningAHeldIncidentRecordsTheAssigneeButPagesNobody() {
        Scenario s = Scenario.standard();
        s.holds.put("api", new HoldCause.Maintenance("upgrade"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());

        s.command(s.policy.reassign(s.only(), new Target.Person("carol"), "alice", at(ofMinutes(1))));

        assertThat(s.only().assignee()).contains(new Target.Person("carol"));
        assertThat(s.allPages).isEmpty();
    }
}
