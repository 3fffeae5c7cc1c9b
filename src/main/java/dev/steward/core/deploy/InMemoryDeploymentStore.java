package dev.steward.core.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DeploymentStore} in memory: for tests and for the demo. */
public final class InMemoryDeploymentStore implements DeploymentStore {
    private final Map<String, Deployment> byId = new LinkedHashMap<>();

    @Override
    public synchronized Deployment save(Deployment d) {
        Deployment stored = byId.get(d.id());
        long storedRevision = stored == null ? 0 : stored.revision();
        if (storedRevision != d.revision()) {
            throw new StaleDeploymentException(d.id(), d.revision(), storedRevision);
        }
        if (stored != null && d.timeline().size() < stored.timeline().size()) {
            throw new IllegalArgumentException(
                    "deployment " + d.id() + " has " + d.timeline().size() + " timeline events but "
                            + stored.timeline().size() + " are stored: the timeline is append-only");
        }
        Deployment saved = d.withRevision(storedRevision + 1);
        byId.put(d.id(), saved);
        return saved;
    }

    @Override
    public synchronized Optional<Deployment> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Deployment> loadActive() {
        return byId.values().stream()
                .filter(DeploymentStore::active)
                .sorted(Comparator.comparing(Deployment::createdAt).thenComparing(Deployment::id))
                .toList();
    }

    @Override
    public synchronized List<Deployment> list(Optional<String> service, int limit) {
        List<Deployment> out = new ArrayList<>(byId.values().stream()
                .filter(d -> service.map(d.service()::equals).orElse(true))
                .map(d -> d.withTimeline(List.of()))
                .toList());
        out.sort(Comparator.comparing(Deployment::createdAt)
                .thenComparing(Deployment::id)
                .reversed());
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    @Override
    public synchronized boolean succeeded(String service, String environment, String version) {
        return byId.values().stream()
                .anyMatch(d -> d.service().equals(service)
                        && d.environment().equals(environment)
                        && d.version().equals(version)
                        && d.kind() == StateKind.SUCCEEDED);
    }
}
