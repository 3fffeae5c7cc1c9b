package dev.steward.core.maintenance;

class InMemoryMaintenanceStoreTest extends MaintenanceStoreContract {
    @Override
    protected MaintenanceStore emptyStore() {
        return new InMemoryMaintenanceStore();
    }
}
