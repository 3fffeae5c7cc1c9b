package dev.steward.core.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.StatusPageConfig;
import dev.steward.core.config.StatusPageConfig.Publish;
import dev.steward.core.statuspage.PublicIncident.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Timelines of component statuses through the policy, with a hand-driven clock and the in-memory store: what is
 * drafted, published, proposed and discarded.
 */
class StatusPagePolicyTest {
    // a DST change in Europe (the page works in UTC: nothing may shift)
    private static final Instant T0 = Instant.parse("2027-03-28T00:59:30Z");
    private static final ComponentStatus OK = ComponentStatus.OPERATIONAL;
    private static final ComponentStatus MAJOR = ComponentStatus.MAJOR_OUTAGE;
    private static final ComponentStatus PARTIAL = ComponentStatus.PARTIAL_OUTAGE;

    private final InMemoryStatusPageStore store = new InMemoryStatusPageStore();
    private Map<String, ComponentStatus> previous = Map.of();
    private Instant now = T0;
    private int ids;

    private static StatusPageConfig page(Publish publish) {
        return new StatusPageConfig(
                "Shop",
                "",
                List.of(new StatusPageConfig.Group(
                        "Core",
                        List.of(
                                new StatusPageConfig.Component("API", List.of("api"), ""),
                                new StatusPageConfig.Component("Search", List.of("search"), ""),
                                new StatusPageConfig.Component("Web", List.of("web"), "")))),
                publish);
    }

    private static Map<String, ComponentStatus> components(
            ComponentStatus api, ComponentStatus search, ComponentStatus web) {
        Map<String, ComponentStatus> m = new LinkedHashMap<>();
        m.put("API", api);
        m.put("Search", search);
        m.put("Web", web);
        return m;
    }

    /** At {@code after} seconds past the previous step, the components are {@code current}. */
    private List<PublicIncident> at(long after, Publish publish, Map<String, ComponentStatus> current) {
        now = now.plus(Duration.ofSeconds(after));
        var e = StatusPagePolicy.evaluate(page(publish), previous, current, store.active(), () -> "i" + ++ids, now);
        e.changed().forEach(store::save);
        previous = current;
        return e.changed();
    }

    private PublicIncident command(String id, IncidentCommand c) {
        PublicIncident i =
                ((CommandOutcome.Applied) PublicIncidents.apply(store.get(id).orElseThrow(), c, now)).incident();
        store.save(i);
        return i;
    }

    @Test
    void aComponentGoingDownMakesADraftThatNobodySees() {
        assertThat(at(0, Publish.MANUAL, components(OK, OK, OK))).isEmpty();

        List<PublicIncident> changed = at(10, Publish.MANUAL, components(MAJOR, OK, OK));

        assertThat(changed).hasSize(1);
        PublicIncident draft = changed.getFirst();
        assertThat(draft.stage()).isEqualTo(new Stage.Draft());
        assertThat(draft.isPublic()).isFalse();
        assertThat(draft.title()).isEqualTo("Major outage of API");
        assertThat(draft.impact()).isEqualTo(Impact.CRITICAL);
        assertThat(draft.components()).containsExactly("API");
        assertThat(draft.updates()).isEmpty();
        assertThat(draft.proposed().orElseThrow())
                .isEqualTo(new PublicUpdate(
                        T0.plusSeconds(10),
                        IncidentStatus.INVESTIGATING,
                        "We are investigating problems with API (major outage).",
                        "steward"));
    }

    @Test
    void inAutomaticModeTheIncidentIsPublishedAtOnce() {
        List<PublicIncident> changed = at(0, Publish.AUTOMATIC, components(PARTIAL, OK, OK));

        PublicIncident open = changed.getFirst();
        assertThat(open.stage()).isEqualTo(new Stage.Open(T0));
        assertThat(open.impact()).isEqualTo(Impact.MAJOR);
        assertThat(open.updates()).extracting(PublicUpdate::status).containsExactly(IncidentStatus.INVESTIGATING);
        assertThat(open.proposed()).isEmpty();
    }

    @Test
    void moreComponentsFailingGoIntoTheSameDraft() {
        at(0, Publish.MANUAL, components(PARTIAL, OK, OK));
        List<PublicIncident> changed = at(5, Publish.MANUAL, components(MAJOR, OK, MAJOR));

        assertThat(changed).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("i1");
            assertThat(d.components()).containsExactly("API", "Web");
            assertThat(d.impact()).isEqualTo(Impact.CRITICAL);
            assertThat(d.title()).isEqualTo("Major outage of API and Web");
        });
        assertThat(store.active()).hasSize(1);
    }

    @Test
    void aComponentAnOpenIncidentCoversGetsNoSecondIncident() {
        at(0, Publish.MANUAL, components(PARTIAL, OK, OK));
        command("i1", new IncidentCommand.Publish("alice", Optional.empty(), Optional.empty()));

        assertThat(at(30, Publish.MANUAL, components(MAJOR, OK, OK))).isEmpty();
    }

    @Test
    void aRecoveryProposesAResolvedUpdateForTheOpenIncident() {
        at(0, Publish.MANUAL, components(MAJOR, OK, OK));
        command("i1", new IncidentCommand.Publish("alice", Optional.of("API is down"), Optional.empty()));

        List<PublicIncident> changed = at(300, Publish.MANUAL, components(OK, OK, OK));

        PublicIncident open = changed.getFirst();
        assertThat(open.stage()).isInstanceOf(Stage.Open.class);
        assertThat(open.updates()).hasSize(1);
        assertThat(open.proposed().orElseThrow())
                .isEqualTo(new PublicUpdate(
                        T0.plusSeconds(300),
                        IncidentStatus.RESOLVED,
                        "API is operating normally again. This incident is resolved.",
                        "steward"));

        PublicIncident resolved = command(
                "i1", new IncidentCommand.Publish("bob", Optional.empty(), Optional.of("Fixed: a bad deploy.")));
        assertThat(resolved.stage()).isEqualTo(new Stage.Resolved(T0, T0.plusSeconds(300)));
        assertThat(resolved.updates().getLast().message()).isEqualTo("Fixed: a bad deploy.");
        assertThat(resolved.updates().getLast().by()).isEqualTo("bob");
    }

    @Test
    void inAutomaticModeStewardsOwnIncidentIsResolvedAtOnce() {
        at(0, Publish.AUTOMATIC, components(MAJOR, OK, OK));
        PublicIncident resolved =
                at(60, Publish.AUTOMATIC, components(OK, OK, OK)).getFirst();

        assertThat(resolved.stage()).isEqualTo(new Stage.Resolved(T0, T0.plusSeconds(60)));
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aPersonsIncidentIsOnlyProposedToEvenInAutomaticMode() {
        at(0, Publish.AUTOMATIC, components(OK, OK, OK));
        store.save(PublicIncidents.open(
                "mine",
                "Search is slow",
                Impact.MINOR,
                List.of("Search"),
                IncidentStatus.IDENTIFIED,
                "Reindexing.",
                "alice",
                now));
        at(1, Publish.AUTOMATIC, components(OK, PARTIAL, OK));
        PublicIncident after = at(60, Publish.AUTOMATIC, components(OK, OK, OK)).getFirst();

        assertThat(after.stage()).isInstanceOf(Stage.Open.class);
        assertThat(after.proposed().orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aDraftNobodyPublishedIsDiscardedWhenEverythingRecovers() {
        at(0, Publish.MANUAL, components(OK, MAJOR, OK));
        PublicIncident discarded =
                at(20, Publish.MANUAL, components(OK, OK, OK)).getFirst();

        assertThat(discarded.stage()).isEqualTo(new Stage.Discarded(T0.plusSeconds(20), "steward"));
        assertThat(store.active()).isEmpty();
    }

    @Test
    void aDiscardedDraftIsNotProposedAgainUntilTheComponentGetsWorse() {
        at(0, Publish.MANUAL, components(OK, PARTIAL, OK));
        command("i1", new IncidentCommand.Discard("alice"));

        assertThat(at(15, Publish.MANUAL, components(OK, PARTIAL, OK))).isEmpty();
        List<PublicIncident> worse = at(15, Publish.MANUAL, components(OK, MAJOR, OK));
        assertThat(worse).singleElement().satisfies(d -> assertThat(d.id()).isEqualTo("i2"));
    }

    @Test
    void maintenanceIsNotAnIncident() {
        at(0, Publish.AUTOMATIC, components(OK, OK, OK));
        assertThat(at(10, Publish.AUTOMATIC, components(ComponentStatus.UNDER_MAINTENANCE, OK, OK)))
                .isEmpty();
        assertThat(at(10, Publish.AUTOMATIC, components(OK, OK, OK))).isEmpty();
    }

    @Test
    void aDiscardedProposalIsNotMadeAgain() {
        at(0, Publish.MANUAL, components(MAJOR, OK, OK));
        command("i1", new IncidentCommand.Publish("alice", Optional.empty(), Optional.empty()));
        at(10, Publish.MANUAL, components(OK, OK, OK));
        command("i1", new IncidentCommand.Discard("alice"));

        List<PublicIncident> later = new ArrayList<>(at(15, Publish.MANUAL, components(OK, OK, OK)));
        assertThat(later).isEmpty();
        assertThat(store.get("i1").orElseThrow().proposed()).isEmpty();
    }
}
