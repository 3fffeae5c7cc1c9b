package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapacityGateTest {
    private final CapacityGate gate =
            new CapacityGate("sum(up{job=\"${service}\",env=\"${environment}\",version=\"${stable_version}\"})", 2);

    @Test
    void theQueryNamesTheDeploymentsStableVersionQuotedSoAVersionCannotEndItsMatcher() {
        Deployment d = Drive.scheduled(java.time.Duration.ZERO).deployment;
        Deployment odd = new Deployment(
                d.id(),
                d.service(),
                d.environment(),
                d.version(),
                "1.0\"} or vector(99) #",
                d.labels(),
                d.plan(),
                d.createdAt(),
                d.createdBy(),
                d.state(),
                d.revision(),
                d.timeline());

        assertThat(gate.queryFor(d)).isEqualTo("sum(up{job=\"api\",env=\"production\",version=\"v1\"})");
        assertThat(gate.queryFor(odd))
                .isEqualTo("sum(up{job=\"api\",env=\"production\",version=\"1.0\\\"} or vector(99) #\"})");
    }

    @Test
    void theSumOfTheResultCountsAnEmptyResultIsNoneAndAnErrorIsUnknownSoTheRollbackGoes() {
        assertThat(gate.judge(new QueryResult.Values(List.of(1.0, 1.0))).sufficient())
                .isTrue();
        assertThat(gate.judge(new QueryResult.Values(List.of(1.0))).sufficient())
                .isFalse();
        assertThat(gate.judge(QueryResult.of()).ready()).isZero();
        assertThat(gate.judge(QueryResult.of()).sufficient()).isFalse();
        Observation.Capacity unknown = gate.judge(new QueryResult.Error("parse error"));
        assertThat(unknown.sufficient()).isTrue();
        assertThat(unknown.unknown()).contains("parse error");
        assertThat(unknown.describe()).isEqualTo("not checked: parse error");
        assertThat(new Observation.Capacity(3, 2, Optional.empty()).describe()).isEqualTo("3/2 ready");
    }

    @Test
    void aGateNeedsAQueryAndAtLeastOneInstance() {
        assertThatThrownBy(() -> new CapacityGate(" ", 1)).hasMessageContaining("query");
        assertThatThrownBy(() -> new CapacityGate("up", 0)).hasMessageContaining("at least 1");
    }

    @Test
    void withoutAGateTheRollbackSaysItsCapacityWasNotChecked() {
        Drive d = new Drive().analysing();
        DeploymentStep s = d.after(Drive.INTERVAL).step(Drive.BAD);

        assertThat(s.events().getLast().reason())
                .isEqualTo("rolling back to v1 (stable capacity not checked: no capacity gate (gates.rollback))");
    }
}
