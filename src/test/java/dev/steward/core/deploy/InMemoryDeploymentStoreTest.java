package dev.steward.core.deploy;

class InMemoryDeploymentStoreTest extends DeploymentStoreContract {
    @Override
    protected DeploymentStore emptyStore() {
        return new InMemoryDeploymentStore();
    }
}
