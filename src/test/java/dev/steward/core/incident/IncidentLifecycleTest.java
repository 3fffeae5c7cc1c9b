package dev.steward.core.incident;

import static dev.steward.core.incident.Scenario.ALICE;
import static dev.steward.core.incident.Scenario.BOB;
import static dev.steward.core.incident.Scenario.OPS;
import static dev.steward.core.incident.Scenario.alert;
import static dev.steward.core.incident.Scenario.at;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.incident.IncidentState.Acknowledged;
import dev.steward.core.incident.IncidentState.Resolved;
import dev.steward.core.incident.IncidentState.Triggered;
import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.oncall.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario tests of an incident's life: trigger, escalate, acknowledge, time out, resolve. */
class IncidentLifecycleTest {
    private final Scenario s = Scenario.standard();

    @Test
    void escalatesIsAcknowledgedTimesOutAndResolvesTellingEveryonePaged() {
        // at 0s: notification firing -> Triggered, level 0 and the receiver paged
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.TRIGGERED);
            assertThat(p.targets()).containsExactly(ALICE, OPS);
            assertThat(p.level()).isZero();
        });
        assertThat(s.nextDue()).contains(at(ofMinutes(5)));

        // at 4m59s: nothing yet
        assertThat(s.tick(ofSeconds(299)).isEmpty()).isTrue();

        // at 5m: no ack -> level 1 paged
        s.tick(ofMinutes(5));
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.ESCALATED);
            assertThat(p.targets()).containsExactly(BOB);
            assertThat(p.level()).isEqualTo(1);
        });

        // at 6m: ack by alice -> ACKNOWLEDGED to everyone paged (levels 0 and 1, and the receiver)
        s.command(s.policy.acknowledge(s.only(), "alice", at(ofMinutes(6))));
        assertThat(s.only().state()).isEqualTo(new Acknowledged(at(ofMinutes(6)), "alice", at(ofMinutes(36))));
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.ACKNOWLEDGED);
            assertThat(p.targets()).containsExactlyInAnyOrder(ALICE, OPS, BOB);
        });
        assertThat(s.nextDue()).contains(at(ofMinutes(36)));

        // at 36m: not resolved within 30m of the ack -> re-triggered from level 0
        s.tick(ofMinutes(36));
        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(((Triggered) s.only().state()).escalation().level()).isZero();
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.TRIGGERED);
            assertThat(p.targets()).containsExactly(ALICE, OPS);
        });
        assertThat(s.timeline()).contains("re-triggered: not resolved within 30m of acknowledgement");

        // at 40m: every alert resolved -> RESOLVED to everyone ever paged
        s.notify(ofMinutes(40), List.of(), List.of(alert("a")));
        assertThat(s.only().state()).isEqualTo(new Resolved(at(ofMinutes(40)), Resolved.AUTO));
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.RESOLVED);
            assertThat(p.targets()).containsExactlyInAnyOrder(ALICE, OPS, BOB);
            assertThat(p.message().alerts()).allMatch(line -> !line.firing());
        });
        assertThat(s.nextDue()).isEmpty();
        assertThat(s.only().timeline()).extracting(TimelineEntry::actor).contains("alice", TimelineEntry.STEWARD);
    }

    @Test
    void pagesCarryTheIncidentsAlertsWithTheirValueAndSeverity() {
        s.notify(Duration.ZERO, List.of(alert("a"), alert("b")), List.of());

        Message m = s.last.pages().getFirst().message();
        assertThat(m.incidentId()).isEqualTo("inc-1");
        assertThat(m.title()).isEqualTo("ApiDown on api");
        assertThat(m.severity()).isEqualTo("critical");
        assertThat(m.groupLabels()).containsEntry("service", "api");
        assertThat(m.alerts()).hasSize(2).allSatisfy(line -> {
            assertThat(line.firing()).isTrue();
            assertThat(line.value()).contains("0");
            assertThat(line.summary()).hasValueSatisfying(t -> assertThat(t).startsWith("API down on"));
        });
        assertThat(s.only().service()).isEqualTo("api");
    }

    @Test
    void newFiringAlertsUpdateTheIncidentAndTellThoseAlreadyPaged() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.tick(ofMinutes(5));

        s.notify(ofMinutes(7), List.of(alert("a"), alert("b")), List.of());

        assertThat(s.incidents).hasSize(1);
        assertThat(s.only().firing(at(ofMinutes(7)))).hasSize(2);
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MessageKind.TRIGGERED);
            assertThat(p.level()).isEqualTo(Page.EVERYONE_PAGED);
            assertThat(p.targets()).containsExactlyInAnyOrder(ALICE, OPS, BOB);
        });
        assertThat(s.timeline()).anyMatch(t -> t.startsWith("1 alert (ApiDown) joined"));
    }

    @Test
    void anAlertThatResolvesWhileOthersFireIsRecordedWithoutAPage() {
        s.notify(Duration.ZERO, List.of(alert("a"), alert("b")), List.of());

        s.notify(ofMinutes(2), List.of(alert("b")), List.of(alert("a")));

        assertThat(s.last.pages()).isEmpty();
        assertThat(s.only().state()).isInstanceOf(Triggered.class);
        assertThat(s.only().firing(at(ofMinutes(2)))).hasSize(1);
        assertThat(s.timeline()).last().isEqualTo("1 alert (ApiDown) resolved (1 firing)");
    }

    @Test
    void aRepeatedNotificationWithNothingNewChangesNothing() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());

        assertThat(s.notify(ofMinutes(1), List.of(alert("a")), List.of()).isEmpty())
                .isTrue();
    }

    @Test
    void aNotificationWithOnlyResolvedAlertsOpensNothing() {
        assertThat(s.notify(Duration.ZERO, List.of(), List.of(alert("a"))).isEmpty())
                .isTrue();
        assertThat(s.incidents).isEmpty();
    }

    @Test
    void firingAgainAfterResolutionOpensANewIncident() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.notify(ofMinutes(1), List.of(), List.of(alert("a")));

        s.notify(ofMinutes(2), List.of(alert("a")), List.of());

        assertThat(s.incidents.keySet()).containsExactly("inc-1", "inc-2");
        assertThat(s.open()).extracting(Incident::id).containsExactly("inc-2");
    }

    @Test
    void afterTheLastLevelThePolicyRepeatsFromLevelZeroRepeatTimesThenStops() {
        Scenario r = new Scenario(Scenario.policy(Scenario.twoLevels(ALICE, BOB, 1), Duration.ZERO));
        r.notify(Duration.ZERO, List.of(alert("a")), List.of());

        r.tick(ofMinutes(5)); // level 1 (after level 0's 5m)
        r.tick(ofMinutes(15)); // level 0 again, repeat 1 of 1 (after level 1's 10m)
        r.tick(ofMinutes(20)); // level 1 again
        assertThat(r.nextDue()).isEmpty();
        r.tick(ofMinutes(30));
        r.tick(Duration.ofHours(5));

        assertThat(r.allPages)
                .extracting(p -> p.kind() + " " + p.level() + " " + p.targets())
                .containsExactly(
                        "TRIGGERED 0 " + List.of(ALICE, OPS),
                        "ESCALATED 1 " + List.of(BOB),
                        "ESCALATED 0 " + List.of(ALICE),
                        "ESCALATED 1 " + List.of(BOB));
        assertThat(r.timeline()).contains("repeat 1 of 1: paging level 0 again, not acknowledged within 10m");
    }

    @Test
    void aMissedResponseIsRecordedOnceOnTheTimeline() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        assertThat(s.only().response()).map(ResponseExpectation::by).contains(at(ofMinutes(15)));

        s.tick(ofMinutes(5));
        s.tick(ofMinutes(15));
        s.tick(ofMinutes(16));

        assertThat(s.timeline())
                .filteredOn(t -> t.startsWith("response missed"))
                .containsExactly("response missed: nobody responded within 15m (critical)");
        assertThat(s.only().response())
                .hasValueSatisfying(r -> assertThat(r.missed()).isTrue());
    }

    @Test
    void anAcknowledgementInTimeMeetsTheResponseExpectation() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        s.command(s.policy.acknowledge(s.only(), "alice", at(ofMinutes(3))));

        s.tick(ofMinutes(15));

        assertThat(s.only().response())
                .hasValueSatisfying(r -> assertThat(r.respondedAt()).contains(at(ofMinutes(3))));
        assertThat(s.timeline()).noneMatch(t -> t.startsWith("response missed"));
    }

    @Test
    void anOpenIncidentKeepsThePolicyItOpenedWithAfterAReload() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        Target carol = new Target.Person("carol");
        s.policy = Scenario.policy(Scenario.twoLevels(ALICE, carol, 0), Duration.ofMinutes(1));

        s.tick(ofMinutes(5));

        assertThat(s.last.pages())
                .singleElement()
                .satisfies(p -> assertThat(p.targets()).containsExactly(BOB));
        assertThat(s.only().escalationPolicy().repeat()).isEqualTo(1);
        assertThat(s.only().severity().respondWithin()).isEqualTo(ofMinutes(15));
    }

    @Test
    void anUnknownSeverityPagesOnlyTheRouteReceiver() {
        Scenario u =
                new Scenario(new IncidentPolicy(IncidentSettings.DEFAULTS, java.util.Map.of(), java.util.Map.of()));
        u.notify(Duration.ZERO, List.of(alert("a")), List.of());

        assertThat(u.last.pages())
                .singleElement()
                .satisfies(p -> assertThat(p.targets()).containsExactly(OPS));
        assertThat(u.nextDue()).isEmpty();
        assertThat(u.only().severity().name()).isEqualTo("critical");
    }

    @Test
    void reassigningPagesTheNewAssigneeWhoIsThenToldOfTheResolution() {
        s.notify(Duration.ZERO, List.of(alert("a")), List.of());
        Target carol = new Target.Person("carol");

        s.command(s.policy.reassign(s.only(), carol, "alice", at(ofMinutes(1))));
        assertThat(s.only().assignee()).contains(carol);
        assertThat(s.last.pages()).singleElement().satisfies(p -> {
            assertThat(p.targets()).containsExactly(carol);
            assertThat(p.level()).isEqualTo(Page.ASSIGNED);
        });

        s.command(s.policy.resolve(s.only(), "carol", at(ofMinutes(2))));
        assertThat(s.last.pages().getFirst().targets()).containsExactlyInAnyOrder(ALICE, OPS, carol);
        assertThat(s.only().state()).isEqualTo(new Resolved(at(ofMinutes(2)), "carol"));
        assertThat(s.timeline()).contains("resolved by carol");
    }
}
