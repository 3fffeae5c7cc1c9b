package dev.steward.core.rollup;

import org.junit.jupiter.api.BeforeEach;

class InMemoryRollupStoreTest extends RollupStoreContract {
    private RollupStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryRollupStore();
    }

    @Override
    protected RollupStore store() {
        return store;
    }
}
