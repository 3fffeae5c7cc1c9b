package dev.steward.core.silence;

class InMemorySilenceStoreTest extends SilenceStoreContract {
    @Override
    protected SilenceStore emptyStore() {
        return new InMemorySilenceStore();
    }
}
