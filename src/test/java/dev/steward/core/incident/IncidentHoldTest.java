package dev.steward.core.incident;

import static dev.steward.core.incident.Scenario.ALICE;
import static dev.steward.core.incident.Scenario.OPS;
import static dev.steward.core.incident.Scenario.alert;
import static dev.steward.core.incident.Scenario.at;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.IncidentState.Held;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.MessageKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pages held while a dependency is down or the service is in maintenance; recoveries never held. */
class IncidentHoldTest {
    private final Scenario s = Scenario.standard();

    @Test
    void heldByADependencyThenSettledAndPagedWhenStillFiring() {
        s.holds.put("api", new HoldCause.DependencyDown("db"));

        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        assertThat(s.only().state())
                .isEqualTo(new Held(new HoldCause.DependencyDown("db"), at(Duration.ZERO), Optional.empty()));
        assertThat(s.last.pages()).isEmpty();
        assertThat(s.timeline()).contains("held: caused by db");
        assertThat(s.tick(ofMinutes(10)).isEmpty()).isTrue();

        s.holds.clear();
        s.tick(ofMinutes(11));
        assertThat(s.last.pages()).isEmpty();
        assertThat(s.nextDue()).contains(at(ofMinutes(11).plusSeconds(30)));
        assertThat(s.timeline()).contains("hold lifted: db recovered; paging in 30s if still firing");

        s.tick(ofMinutes(11).plusSeconds(30));
        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.TRIGGERED);
            assertThat(p.targets()).containsExactly(ALICE, OPS);
        });
        assertThat(s.only().response())
                .map(ResponseExpectation::by)
                .contains(at(ofMinutes(26).plusSeconds(30)));
    }

    @Test
    void heldByADependencyAndResolvedWhileSettlingResolvesWithoutAnyPage() {
        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.holds.clear();
        s.tick(ofMinutes(1));

        s.notify(ofMinutes(1).plusSeconds(10), List.of(), List.of(alert("a")));
        s.tick(ofMinutes(2));

        assertThat(s.only().state()).isInstanceOf(Resolved.class);
        assertThat(s.allPages).isEmpty();
    }

    @Test
    void aDependencyGoingDownAgainWhileSettlingHoldsAgain() {
        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.holds.clear();
        s.tick(ofMinutes(1));

        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.tick(ofMinutes(1).plusSeconds(20));
        s.tick(ofMinutes(1).plusSeconds(30));

        assertThat(s.only().state())
                .isInstanceOfSatisfying(
                        Held.class, h -> assertThat(h.settleUntil()).isEmpty());
        assertThat(s.allPages).isEmpty();
        assertThat(s.timeline()).contains("held again: caused by db");
    }

    @Test
    void aMaintenanceHoldPagesAtOnceWhenItEndsIfStillFiring() {
        s.holds.put("api", new HoldCause.Maintenance("weekly patching"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        assertThat(s.timeline()).contains("held: maintenance: weekly patching");

        s.holds.clear();
        s.tick(ofMinutes(30));

        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.last.pages())
                .singleElement()
                .satisfies(p -> assertThat(p.targets()).containsExactly(ALICE, OPS));
        assertThat(s.timeline()).contains("triggered: maintenance: weekly patching ended, still firing");
    }

    @Test
    void aRecoveryIsNeverHeldEveryoneEverPagedHearsIt() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.tick(ofMinutes(5));
        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.tick(ofMinutes(6));
        assertThat(s.only().state()).isInstanceOf(Held.class);
        assertThat(s.tick(ofMinutes(20)).pages()).isEmpty();

        s.notify(ofMinutes(21), List.of(), List.of(alert("a")));

        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.RESOLVED);
            assertThat(p.targets()).containsExactlyInAnyOrder(ALICE, OPS, Scenario.BOB);
        });
    }

    @Test
    void aHeldIncidentCannotBeAcknowledgedButCanBeResolvedSilently() {
        s.holds.put("api", new HoldCause.DependencyDown("db"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());

        assertThat(s.policy.acknowledge(s.only(), "alice", at(ofSeconds(5))))
                .isInstanceOfSatisfying(
                        CommandOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("it is held (caused by db since"));
        s.command(s.policy.resolve(s.only(), "alice", at(ofSeconds(6))));

        assertThat(s.only().state()).isInstanceOf(Resolved.class);
        assertThat(s.allPages).isEmpty();
    }
}
