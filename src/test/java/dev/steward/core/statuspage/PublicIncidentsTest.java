package dev.steward.core.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.statuspage.PublicIncident.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicIncidentsTest {
    private static final Instant T = Instant.parse("2026-12-31T23:59:59Z");
    private static final IncidentCommand PUBLISH =
            new IncidentCommand.Publish("alice", Optional.empty(), Optional.empty());
    private static final IncidentCommand UPDATE =
            new IncidentCommand.AddUpdate("alice", IncidentStatus.MONITORING, "A fix is out.");
    private static final IncidentCommand RESOLVE =
            new IncidentCommand.AddUpdate("alice", IncidentStatus.RESOLVED, "All good.");
    private static final IncidentCommand DISCARD = new IncidentCommand.Discard("alice");

    private static PublicIncident draft() {
        return PublicIncidents.draft("d", "Major outage of API", Impact.CRITICAL, List.of("API"), "Investigating.", T);
    }

    private static PublicIncident applied(PublicIncident i, IncidentCommand c) {
        return ((CommandOutcome.Applied) PublicIncidents.apply(i, c, T.plusSeconds(1))).incident();
    }

    @Test
    void everyStageHasItsRowInTheTableOfLegalCommands() {
        assertThat(PublicIncidents.LEGAL).containsOnlyKeys("draft", "open", "resolved", "discarded");
    }

    @Test
    void aDraftIsPublishedWithItsTitleAndMessageEditedAndCannotTakeUpdatesBefore() {
        assertThat(PublicIncidents.apply(draft(), UPDATE, T))
                .isEqualTo(new CommandOutcome.Refused("cannot update incident d: it is draft"));

        PublicIncident open = applied(
                draft(), new IncidentCommand.Publish("alice", Optional.of("API errors"), Optional.of("Looking.")));

        assertThat(open.title()).isEqualTo("API errors");
        assertThat(open.stage()).isEqualTo(new Stage.Open(T.plusSeconds(1)));
        assertThat(open.updates())
                .containsExactly(new PublicUpdate(T.plusSeconds(1), IncidentStatus.INVESTIGATING, "Looking.", "alice"));
    }

    @Test
    void resolvedAndDiscardedIncidentsRefuseEveryCommand() {
        PublicIncident resolved = applied(applied(draft(), PUBLISH), RESOLVE);
        PublicIncident discarded = applied(draft(), DISCARD);

        for (IncidentCommand c : List.of(PUBLISH, UPDATE, RESOLVE, DISCARD)) {
            assertThat(PublicIncidents.apply(resolved, c, T)).isInstanceOf(CommandOutcome.Refused.class);
            assertThat(PublicIncidents.apply(discarded, c, T)).isInstanceOf(CommandOutcome.Refused.class);
        }
        assertThat(resolved.stage()).isEqualTo(new Stage.Resolved(T.plusSeconds(1), T.plusSeconds(1)));
    }

    @Test
    void anOpenIncidentWithoutAProposalHasNothingToPublishOrDiscard() {
        PublicIncident open = applied(draft(), PUBLISH);

        assertThat(PublicIncidents.apply(open, PUBLISH, T))
                .isEqualTo(new CommandOutcome.Refused("incident d has no proposed update to publish"));
        assertThat(PublicIncidents.apply(open, DISCARD, T))
                .isEqualTo(new CommandOutcome.Refused("incident d has no proposed update to discard"));
        assertThat(applied(open, UPDATE).status()).isEqualTo(IncidentStatus.MONITORING);
    }

    @Test
    void anIncidentOpenedAsResolvedIsResolvedAtOnce() {
        PublicIncident i = PublicIncidents.open(
                "x", "Past problem", Impact.MINOR, List.of(), IncidentStatus.RESOLVED, "It happened.", "alice", T);
        assertThat(i.stage()).isEqualTo(new Stage.Resolved(T, T));
        assertThat(i.isPublic()).isTrue();
        assertThat(i.isActive()).isFalse();
    }
}
