package dev.steward.core.outbox;

class InMemoryOutboxStoreTest extends OutboxStoreContract {
    @Override
    protected OutboxStore emptyStore() {
        return new InMemoryOutboxStore();
    }
}
