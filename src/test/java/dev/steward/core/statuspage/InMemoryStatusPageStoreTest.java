package dev.steward.core.statuspage;

/** The contract on the in-memory store. */
class InMemoryStatusPageStoreTest extends StatusPageStoreContract {
    @Override
    protected StatusPageStore emptyStore() {
        return new InMemoryStatusPageStore();
    }
}
