package dev.steward.core.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link MaintenanceStore} in memory: for tests and for a daemon that need not remember windows across restarts. */
public final class InMemoryMaintenanceStore implements MaintenanceStore {
    private final Map<String, MaintenanceWindow> byId = new LinkedHashMap<>();

    @Override
    public synchronized List<MaintenanceWindow> loadAll() {
        return List.copyOf(new ArrayList<>(byId.values()));
    }

    @Override
    public synchronized void save(MaintenanceWindow window) {
        byId.put(window.id(), window);
    }
}
