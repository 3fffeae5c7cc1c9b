package dev.steward.core.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link IncidentStore} in memory: for tests, and for a daemon that need not remember incidents across restarts. */
public final class InMemoryIncidentStore implements IncidentStore {
    private static final Comparator<Incident> NEWEST_FIRST =
            Comparator.comparing(Incident::openedAt).thenComparing(Incident::id).reversed();

    private final Map<String, Incident> byId = new LinkedHashMap<>();

    @Override
    public synchronized void saveAll(Collection<Incident> incidents) {
        for (Incident i : incidents) {
            Incident stored = byId.get(i.id());
            if (stored != null && i.timeline().size() < stored.timeline().size()) {
                throw shorterTimeline(i, stored.timeline().size());
            }
        }
        for (Incident i : incidents) {
            byId.put(i.id(), i);
        }
    }

    static IllegalArgumentException shorterTimeline(Incident incident, int stored) {
        return new IllegalArgumentException(
                "incident " + incident.id() + " has " + incident.timeline().size() + " timeline entries but " + stored
                        + " are stored: the timeline is append-only");
    }

    @Override
    public synchronized List<Incident> loadOpen() {
        return byId.values().stream()
                .filter(Incident::isOpen)
                .sorted(NEWEST_FIRST.reversed())
                .toList();
    }

    @Override
    public synchronized Optional<Incident> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Incident> list(IncidentQuery query) {
        List<Incident> out = new ArrayList<>();
        byId.values().stream()
                .filter(query::matches)
                .sorted(NEWEST_FIRST)
                .skip(query.offset())
                .limit(query.limit())
                .forEach(i -> out.add(i.withTimeline(List.of())));
        return out;
    }
}
