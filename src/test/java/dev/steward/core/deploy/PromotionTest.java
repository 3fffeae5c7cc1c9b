package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromotionTest {
    static final DeploySettings STAGES = new DeploySettings(
            List.of(
                    new Environment("dev", 0, List.of()),
                    new Environment("staging", 1, List.of("dev")),
                    new Environment("production", 2, List.of("staging"))),
            Map.of());

    static DeployConfig deployedTo(List<String> environments) {
        DeployConfig c = Drive.config(false);
        return new DeployConfig(c.provider(), c.strategy(), c.gates(), c.analyses(), environments);
    }

    @Test
    void aVersionReachesProductionOnlyAfterItSucceededInStaging() {
        DeployConfig all = deployedTo(List.of());

        assertThat(Promotion.passed(all, STAGES, "production", Set.of("dev")::contains))
                .isFalse();
        assertThat(Promotion.passed(all, STAGES, "production", Set.of("dev", "staging")::contains))
                .isTrue();
        assertThat(Promotion.passed(all, STAGES, "dev", Set.<String>of()::contains))
                .isTrue();
    }

    @Test
    void anEnvironmentTheServiceSkipsIsNotRequired() {
        DeployConfig noDev = deployedTo(List.of("staging", "production"));

        assertThat(Promotion.required(noDev, STAGES, "staging")).isEmpty();
        assertThat(Promotion.required(noDev, STAGES, "production")).containsExactly("staging");
    }

    @Test
    void deployingToAnUndeclaredOrSkippedEnvironmentIsRefusedWithTheReason() {
        assertThat(Promotion.refusal("api", deployedTo(List.of()), STAGES, "qa"))
                .contains("unknown environment qa; the stack declares dev, staging, production");
        assertThat(Promotion.refusal("api", deployedTo(List.of("production")), STAGES, "dev"))
                .contains("api is not deployed to dev; it is deployed to production");
        assertThat(Promotion.refusal("api", deployedTo(List.of()), STAGES, "staging"))
                .isEmpty();
        assertThat(Promotion.refusal("api", deployedTo(List.of()), DeploySettings.NONE, "anywhere"))
                .isEmpty();
    }
}
