package dev.steward.core.audit;

class InMemoryAuditStoreTest extends AuditStoreContract {
    @Override
    protected AuditStore emptyStore() {
        return new InMemoryAuditStore();
    }
}
