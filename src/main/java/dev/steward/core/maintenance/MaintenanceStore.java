package dev.steward.core.maintenance;

import java.util.List;

/** Where windows created through the API are kept; those of the stack file are not stored. */
public interface MaintenanceStore {
    /** Every stored window, in the order they were first saved. */
    List<MaintenanceWindow> loadAll();

    /** Inserts the window or replaces the one with the same id. */
    void save(MaintenanceWindow window);
}
