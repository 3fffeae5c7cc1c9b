package dev.steward.core.history;

import org.junit.jupiter.api.BeforeEach;

class InMemoryCheckEventStoreTest extends CheckEventStoreContract {
    private CheckEventStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryCheckEventStore();
    }

    @Override
    protected CheckEventStore store() {
        return store;
    }
}
