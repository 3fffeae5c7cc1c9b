package dev.steward.core.statuspage;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link StatusPageStore} in memory, for tests and as the reference of the contract. */
public final class InMemoryStatusPageStore implements StatusPageStore {
    private final Map<String, PublicIncident> incidents = new LinkedHashMap<>();

    @Override
    public synchronized void save(PublicIncident incident) {
        PublicIncident stored = incidents.get(incident.id());
        if (stored != null && stored.updates().size() > incident.updates().size()) {
            throw new IllegalArgumentException(
                    "incident " + incident.id() + " has " + incident.updates().size() + " updates but "
                            + stored.updates().size() + " are stored: published updates are append-only");
        }
        incidents.put(incident.id(), incident);
    }

    @Override
    public synchronized Optional<PublicIncident> get(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public synchronized List<PublicIncident> active() {
        return incidents.values().stream()
                .filter(PublicIncident::isActive)
                .sorted(Comparator.comparing(PublicIncident::createdAt))
                .toList();
    }

    @Override
    public synchronized List<PublicIncident> resolvedSince(Instant since) {
        return incidents.values().stream()
                .filter(i -> i.resolvedAt().filter(r -> !r.isBefore(since)).isPresent())
                .sorted(Comparator.comparing(
                                (PublicIncident i) -> i.resolvedAt().orElseThrow())
                        .reversed())
                .toList();
    }
}
