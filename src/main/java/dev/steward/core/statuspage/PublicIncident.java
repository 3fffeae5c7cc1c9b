package dev.steward.core.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An incident on the public status page.
 *
 * @param components the names of the page's components it affects
 * @param updates the published updates, oldest first (empty while a draft)
 * @param proposed an update waiting for a person: the first update of a draft, or Steward's "resolved" proposal for
 *     an open incident; never shown on the public page
 * @param createdBy who opened it: a user, a token, or {@code steward} for a health change
 */
public record PublicIncident(
        String id,
        String title,
        Impact impact,
        List<String> components,
        Stage stage,
        List<PublicUpdate> updates,
        Optional<PublicUpdate> proposed,
        Instant createdAt,
        String createdBy) {

    public PublicIncident {
        components = List.copyOf(components);
        updates = List.copyOf(updates);
    }

    /** Where an incident is in its life. Only {@link Open} and {@link Resolved} ones are public. */
    public sealed interface Stage {
        /** Proposed by Steward, waiting for a person to publish or discard it. */
        record Draft() implements Stage {}

        record Open(Instant publishedAt) implements Stage {}

        record Resolved(Instant publishedAt, Instant resolvedAt) implements Stage {}

        record Discarded(Instant discardedAt, String by) implements Stage {}

        /** {@code draft}, {@code open}, {@code resolved}, {@code discarded}. */
        default String label() {
            return getClass().getSimpleName().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isPublic() {
        return stage instanceof Stage.Open || stage instanceof Stage.Resolved;
    }

    /** A draft, or an open incident: Steward and people may still change it. */
    public boolean isActive() {
        return stage instanceof Stage.Draft || stage instanceof Stage.Open;
    }

    /** The status of its latest published update; investigating while a draft. */
    public IncidentStatus status() {
        return updates.isEmpty()
                ? IncidentStatus.INVESTIGATING
                : updates.getLast().status();
    }

    public Optional<Instant> publishedAt() {
        return switch (stage) {
            case Stage.Draft d -> Optional.empty();
            case Stage.Open o -> Optional.of(o.publishedAt());
            case Stage.Resolved r -> Optional.of(r.publishedAt());
            case Stage.Discarded d -> Optional.empty();
        };
    }

    public Optional<Instant> resolvedAt() {
        return stage instanceof Stage.Resolved r ? Optional.of(r.resolvedAt()) : Optional.empty();
    }

    /** The instant of its latest change seen by the public: its last update, else its creation. */
    public Instant lastChange() {
        return updates.isEmpty() ? createdAt : updates.getLast().at();
    }

    PublicIncident with(Stage next, List<PublicUpdate> nextUpdates, Optional<PublicUpdate> nextProposed) {
        return new PublicIncident(id, title, impact, components, next, nextUpdates, nextProposed, createdAt, createdBy);
    }

    PublicIncident with(String nextTitle, Impact nextImpact, List<String> nextComponents, PublicUpdate first) {
        return new PublicIncident(
                id, nextTitle, nextImpact, nextComponents, stage, updates, Optional.of(first), createdAt, createdBy);
    }
}
