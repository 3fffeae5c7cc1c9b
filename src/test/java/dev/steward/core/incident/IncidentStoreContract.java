package dev.steward.core.incident;

import static dev.steward.core.incident.Scenario.alert;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.core.oncall.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IncidentStore} must do; a store's test extends this and says how to make an empty store. The
 * incidents come from the policy itself (scenarios with millisecond instants), so every state and field round-trips.
 */
public abstract class IncidentStoreContract {
    protected abstract IncidentStore emptyStore();

    /** An incident per state, driven through the policy: held, triggered, acknowledged, snoozed, resolved. */
    private static Scenario scenario() {
        Scenario s = Scenario.standard();
        s.holds.put("db", new HoldCause.DependencyDown("network"));
        s.notify(Duration.ZERO, List.of(alert("a")), List.of()); // inc-1, triggered, escalated below
        s.tick(ofMinutes(5));
        s.command(s.policy.reassign(
                s.incidents.get("inc-1"), new Target.Schedule("backend"), "bob", Scenario.at(ofMinutes(6))));
        s.command(s.policy.note(s.incidents.get("inc-1"), "looking", "bob", Scenario.at(ofMinutes(7))));
        return s;
    }

    private static Incident ackedCopy(Scenario s) {
        return ((CommandOutcome.Applied)
                        s.policy.acknowledge(s.incidents.get("inc-1"), "alice", Scenario.at(ofMinutes(8))))
                .incident();
    }

    @Test
    void aSavedIncidentLoadsBackEqualWithItsTimeline() {
        IncidentStore store = emptyStore();
        Incident incident = scenario().only();

        store.save(incident);

        assertThat(store.get("inc-1")).contains(incident);
        assertThat(store.loadOpen()).containsExactly(incident);
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void everyStateAndHoldCauseRoundTrips() {
        IncidentStore store = emptyStore();
        Scenario s = scenario();
        Incident acked = ackedCopy(s);
        Incident snoozed = ((CommandOutcome.Applied) s.policy.snooze(
                        acked, Optional.of(Scenario.at(ofMinutes(90))), "alice", Scenario.at(ofMinutes(9))))
                .incident();
        Incident held = snoozed.withState(new IncidentState.Held(
                        new HoldCause.Maintenance("patching"),
                        Scenario.at(ofMinutes(10)),
                        Optional.of(Scenario.at(ofMinutes(11)))))
                .withEntry(new TimelineEntry(Scenario.at(ofMinutes(10)), TimelineEntry.STEWARD, "held: maintenance"));
        Incident resolved =
                ((CommandOutcome.Applied) s.policy.resolve(held, "alice", Scenario.at(ofMinutes(12)))).incident();
        Incident dependency = resolved.withState(new IncidentState.Held(
                new HoldCause.DependencyDown("db"), Scenario.at(ofMinutes(1)), Optional.empty()));

        for (Incident i : List.of(acked, snoozed, held, resolved, dependency)) {
            store.save(i);
            assertThat(store.get(i.id())).contains(i);
        }
    }

    @Test
    void savingAgainAppendsOnlyTheNewTimelineEntries() {
        IncidentStore store = emptyStore();
        Scenario s = scenario();
        store.save(s.only());
        Incident acked = ackedCopy(s);

        store.save(acked);
        store.save(acked);

        assertThat(store.get("inc-1")).map(Incident::timeline).contains(acked.timeline());
    }

    @Test
    void aTimelineShorterThanTheStoredOneIsRefused() {
        IncidentStore store = emptyStore();
        Incident incident = scenario().only();
        store.save(incident);

        assertThatThrownBy(() ->
                        store.save(incident.withTimeline(incident.timeline().subList(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("append-only");
        assertThat(store.get("inc-1")).contains(incident);
    }

    @Test
    void resolvedIncidentsAreNotLoadedOnRestart() {
        IncidentStore store = emptyStore();
        Scenario s = scenario();
        store.save(s.only());
        s.notify(ofMinutes(20), List.of(), List.of(alert("a")));
        s.notify(ofMinutes(21), List.of(alert("b")), List.of());
        store.saveAll(s.incidents.values());

        assertThat(store.loadOpen()).extracting(Incident::id).containsExactly("inc-2");
        assertThat(store.get("inc-1")).map(Incident::stateName).contains("resolved");
    }

    @Test
    void listFiltersByStateServiceAndSinceNewestFirstWithPaging() {
        IncidentStore store = emptyStore();
        Incident base = scenario().only();
        Instant t = Scenario.T0;
        for (int i = 0; i < 5; i++) {
            Incident copy = copy(base, "inc-" + i, t.plus(Duration.ofMinutes(i)), i % 2 == 0 ? "api" : "web");
            store.save(i == 4 ? copy.withState(new IncidentState.Resolved(t.plus(ofMinutes(30)), "alice")) : copy);
        }

        assertThat(store.list(IncidentQuery.all(10)))
                .extracting(Incident::id)
                .containsExactly("inc-4", "inc-3", "inc-2", "inc-1", "inc-0");
        assertThat(store.list(IncidentQuery.all(10)).getFirst().timeline()).isEmpty();
        assertThat(store.list(IncidentQuery.all(2).page(2, 2)))
                .extracting(Incident::id)
                .containsExactly("inc-2", "inc-1");
        assertThat(store.list(IncidentQuery.all(10).withService("api")))
                .extracting(Incident::id)
                .containsExactly("inc-4", "inc-2", "inc-0");
        assertThat(store.list(IncidentQuery.all(10).withService("api").withState("triggered")))
                .extracting(Incident::id)
                .containsExactly("inc-2", "inc-0");
        assertThat(store.list(IncidentQuery.all(10).withState("resolved")))
                .extracting(Incident::id)
                .containsExactly("inc-4");
        assertThat(store.list(IncidentQuery.all(10).withSince(t.plus(ofMinutes(3)))))
                .extracting(Incident::id)
                .containsExactly("inc-4", "inc-3");
    }

    private static Incident copy(Incident i, String id, Instant openedAt, String service) {
        return new Incident(
                id,
                i.group(),
                i.receiver(),
                i.title(),
                service,
                i.severity(),
                i.escalationPolicy(),
                i.alerts(),
                i.state(),
                openedAt,
                i.response(),
                i.assignee(),
                i.notes(),
                i.paged(),
                i.timeline());
    }
}
