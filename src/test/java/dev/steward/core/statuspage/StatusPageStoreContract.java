package dev.steward.core.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link StatusPageStore} must do; a store's test extends this and says how to make an empty store. */
public abstract class StatusPageStoreContract {
    private static final Instant T = Instant.parse("2028-02-29T23:59:58.123Z");

    protected abstract StatusPageStore emptyStore();

    static PublicIncident draft(String id, Instant at) {
        return PublicIncidents.draft(
                id, "Major outage of API", Impact.CRITICAL, List.of("API", "Search"), "We are investigating.", at);
    }

    private static PublicIncident applied(PublicIncident i, IncidentCommand c, Instant at) {
        return ((CommandOutcome.Applied) PublicIncidents.apply(i, c, at)).incident();
    }

    @Test
    void aDraftComesBackWithItsProposedFirstUpdate() {
        StatusPageStore store = emptyStore();
        PublicIncident d = draft("d1", T);
        store.save(d);

        assertThat(store.get("d1")).contains(d);
        assertThat(store.active()).containsExactly(d);
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void publishedUpdatesAndTheResolutionComeBackInOrder() {
        StatusPageStore store = emptyStore();
        PublicIncident d = draft("d1", T);
        store.save(d);
        PublicIncident published = applied(
                d, new IncidentCommand.Publish("alice", Optional.of("API down"), Optional.empty()), T.plusSeconds(5));
        store.save(published);
        PublicIncident monitoring = applied(
                published,
                new IncidentCommand.AddUpdate("bob", IncidentStatus.MONITORING, "A fix is out."),
                T.plusSeconds(60));
        store.save(monitoring);
        PublicIncident resolved = applied(
                monitoring,
                new IncidentCommand.AddUpdate("bob", IncidentStatus.RESOLVED, "All good."),
                T.plusSeconds(120));
        store.save(resolved);

        assertThat(store.get("d1")).contains(resolved);
        assertThat(store.get("d1").orElseThrow().updates())
                .extracting(PublicUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
        assertThat(store.active()).isEmpty();
        assertThat(store.resolvedSince(T)).containsExactly(resolved);
        assertThat(store.resolvedSince(T.plusSeconds(121))).isEmpty();
    }

    @Test
    void aProposalIsReplacedAndRemovedWithoutTouchingPublishedUpdates() {
        StatusPageStore store = emptyStore();
        PublicIncident open = PublicIncidents.open(
                "o1",
                "Slow search",
                Impact.MINOR,
                List.of("Search"),
                IncidentStatus.IDENTIFIED,
                "Index rebuild.",
                "alice",
                T);
        store.save(open);
        PublicUpdate proposal = new PublicUpdate(T.plusSeconds(9), IncidentStatus.RESOLVED, "Back.", "steward");
        PublicIncident proposed = new PublicIncident(
                open.id(),
                open.title(),
                open.impact(),
                open.components(),
                open.stage(),
                open.updates(),
                Optional.of(proposal),
                open.createdAt(),
                open.createdBy());
        store.save(proposed);
        assertThat(store.get("o1")).contains(proposed);

        PublicIncident discarded = applied(proposed, new IncidentCommand.Discard("alice"), T.plusSeconds(10));
        store.save(discarded);
        assertThat(store.get("o1")).contains(open);
    }

    @Test
    void aDiscardedDraftIsNeitherActiveNorResolved() {
        StatusPageStore store = emptyStore();
        PublicIncident d = draft("d1", T);
        PublicIncident discarded = applied(d, new IncidentCommand.Discard("alice"), T.plusSeconds(1));
        store.save(d);
        store.save(discarded);

        assertThat(store.get("d1")).contains(discarded);
        assertThat(store.active()).isEmpty();
        assertThat(store.resolvedSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void activeIncidentsAreOldestFirstAndResolvedOnesNewestFirst() {
        StatusPageStore store = emptyStore();
        PublicIncident late = draft("b-late", T.plusSeconds(30));
        PublicIncident early = draft("a-early", T);
        store.save(late);
        store.save(early);
        assertThat(store.active()).extracting(PublicIncident::id).containsExactly("a-early", "b-late");

        for (int i = 0; i < 3; i++) {
            PublicIncident r = PublicIncidents.open(
                    "r" + i,
                    "t",
                    Impact.NONE,
                    List.of(),
                    IncidentStatus.RESOLVED,
                    "m",
                    "alice",
                    T.plus(Duration.ofHours(i)));
            store.save(r);
        }
        assertThat(store.resolvedSince(T)).extracting(PublicIncident::id).containsExactly("r2", "r1", "r0");
    }

    @Test
    void publishedUpdatesCannotBeTakenBack() {
        StatusPageStore store = emptyStore();
        PublicIncident open =
                PublicIncidents.open("o1", "t", Impact.MINOR, List.of(), IncidentStatus.INVESTIGATING, "m", "alice", T);
        PublicIncident updated =
                applied(open, new IncidentCommand.AddUpdate("a", IncidentStatus.MONITORING, "n"), T.plusSeconds(1));
        store.save(updated);

        assertThatThrownBy(() -> store.save(open)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("o1")).contains(updated);
    }
}
