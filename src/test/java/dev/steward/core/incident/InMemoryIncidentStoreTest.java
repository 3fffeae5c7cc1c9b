package dev.steward.core.incident;

/** The in-memory store passes the same contract as the JDBC one. */
class InMemoryIncidentStoreTest extends IncidentStoreContract {
    @Override
    protected IncidentStore emptyStore() {
        return new InMemoryIncidentStore();
    }
}
