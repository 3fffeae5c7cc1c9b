package dev.steward.core.incident;

import static dev.steward.core.incident.Scenario.alert;
import static dev.steward.core.incident.Scenario.at;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.IncidentState.Snoozed;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.MessageKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Operator commands against the legal-transition table, and snoozes. */
class IncidentCommandTest {
    private final Scenario s = Scenario.standard();

    private Incident triggered() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        return s.only();
    }

    @Test
    void acknowledgingAResolvedIncidentIsRejectedWithTheReason() {
        triggered();
        s.command(s.policy.resolve(s.only(), "alice", at(ofMinutes(1))));

        CommandOutcome outcome = s.command(s.policy.acknowledge(s.only(), "bob", at(ofMinutes(2))));

        assertThat(outcome).isInstanceOfSatisfying(CommandOutcome.Rejected.class, r -> {
            assertThat(r.command()).isEqualTo(IncidentCommand.ACKNOWLEDGE);
            assertThat(r.state()).isEqualTo("resolved");
            assertThat(r.reason())
                    .isEqualTo("cannot acknowledge incident inc-1: it is resolved (by alice at " + at(ofMinutes(1))
                            + "); in that state it only takes: note");
        });
        assertThat(s.only().state()).isInstanceOf(IncidentState.Resolved.class);
    }

    @Test
    void acknowledgingTwiceIsRejectedAndResolvingTwiceToo() {
        Incident i = triggered();
        s.command(s.policy.acknowledge(i, "alice", at(ofMinutes(1))));

        assertThat(s.policy.acknowledge(s.only(), "bob", at(ofMinutes(2)))).isInstanceOf(CommandOutcome.Rejected.class);
        s.command(s.policy.resolve(s.only(), "bob", at(ofMinutes(3))));
        assertThat(s.policy.resolve(s.only(), "bob", at(ofMinutes(4)))).isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(s.policy.snooze(s.only(), Optional.empty(), "bob", at(ofMinutes(4))))
                .isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(s.policy.reassign(s.only(), Scenario.BOB, "bob", at(ofMinutes(4))))
                .isInstanceOf(CommandOutcome.Rejected.class);
    }

    @Test
    void aResolvedIncidentStillTakesNotes() {
        triggered();
        s.command(s.policy.resolve(s.only(), "alice", at(ofMinutes(1))));

        CommandOutcome outcome = s.command(s.policy.note(s.only(), "root cause: full disk", "alice", at(ofMinutes(9))));

        assertThat(outcome).isInstanceOf(CommandOutcome.Applied.class);
        assertThat(s.only().notes()).containsExactly(new Note(at(ofMinutes(9)), "alice", "root cause: full disk"));
        assertThat(s.timeline()).last().isEqualTo("note: root cause: full disk");
        assertThat(s.last.pages()).isEmpty();
    }

    @Test
    void emptyNotesAndSnoozesIntoThePastAreRejected() {
        Incident i = triggered();

        assertThat(s.policy.note(i, "  ", "alice", at(ofMinutes(1)))).isInstanceOf(CommandOutcome.Rejected.class);
        assertThat(s.policy.snooze(i, Optional.of(at(ofMinutes(1))), "alice", at(ofMinutes(1))))
                .isInstanceOfSatisfying(
                        CommandOutcome.Rejected.class,
                        r -> assertThat(r.reason()).contains("is not after now"));
    }

    @Test
    void theLegalTransitionTableIsExplicitForEveryState() {
        java.time.Instant t = Scenario.T0;
        assertThat(IncidentCommand.legalIn(new Triggered(t, new IncidentState.Escalation(0, 0, Optional.empty()))))
                .containsExactlyInAnyOrder(IncidentCommand.values());
        assertThat(IncidentCommand.legalIn(
                        new IncidentState.Held(new HoldCause.DependencyDown("db"), t, Optional.empty())))
                .doesNotContain(IncidentCommand.ACKNOWLEDGE, IncidentCommand.SNOOZE);
        assertThat(IncidentCommand.legalIn(new IncidentState.Acknowledged(t, "a", t)))
                .doesNotContain(IncidentCommand.ACKNOWLEDGE);
        assertThat(IncidentCommand.legalIn(new IncidentState.Resolved(t, "a"))).containsExactly(IncidentCommand.NOTE);
    }

    @Test
    void aSnoozeUntilResolvedStaysQuietThroughEscalationTimesAndEndsWithTheResolution() {
        triggered();
        s.command(s.policy.snooze(s.only(), Optional.empty(), "alice", at(ofMinutes(1))));
        assertThat(s.only().state()).isEqualTo(new Snoozed(at(ofMinutes(1)), "alice", Optional.empty()));
        assertThat(s.nextDue()).isEmpty();

        assertThat(s.tick(ofMinutes(5)).pages()).isEmpty();
        assertThat(s.tick(Duration.ofHours(3)).pages()).isEmpty();
        s.notify(ofMinutes(200), List.of(alert("a"), alert("b")), List.of());
        assertThat(s.last.pages()).isEmpty();

        s.notify(ofMinutes(240), List.of(), List.of(alert("a"), alert("b")));
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.RESOLVED);
            assertThat(p.targets()).containsExactly(Scenario.ALICE, Scenario.OPS);
        });
    }

    @Test
    void aSnoozeWithAnEndTriggersAgainWhenItEndsIfStillFiring() {
        triggered();
        s.command(s.policy.snooze(s.only(), Optional.of(at(ofMinutes(60))), "alice", at(ofMinutes(1))));
        assertThat(s.nextDue()).contains(at(ofMinutes(60)));

        s.tick(ofMinutes(60));

        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.last.pages())
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(MessageKind.TRIGGERED));
        assertThat(s.timeline()).contains("re-triggered: snooze ended, still firing");
    }
}
