package dev.steward.stackfile;

import static dev.steward.stackfile.LoaderFixture.errors;
import static dev.steward.stackfile.LoaderFixture.loaded;
import static dev.steward.stackfile.StackFileErrorTest.assertError;
import static dev.steward.stackfile.StackFileErrorTest.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.StackConfig;
import dev.steward.core.deploy.AnalysisTemplate;
import dev.steward.core.deploy.CanaryStep;
import dev.steward.core.deploy.Condition;
import dev.steward.core.deploy.DeployConfig;
import dev.steward.core.deploy.Environment;
import dev.steward.core.deploy.GatePresets;
import dev.steward.core.deploy.Gates;
import dev.steward.core.deploy.Pause;
import dev.steward.core.deploy.Plan;
import dev.steward.core.deploy.Plans;
import dev.steward.core.deploy.StatisticalGate;
import dev.steward.core.deploy.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackFileDeployTest {
    static final String FULL = """
            stack: shop
            environments:
              - name: dev
              - name: staging
              - name: production
                requires: [staging]
            analyses:
              errors:
                interval: 1m
                failure_limit: 1
                min_samples: 5
                metrics:
                  - name: error-rate
                    query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))'
                    failure: 'result > 0.01'
                    success: 'result <= 0.005'
                statistical:
                  - name: latency
                    mann_whitney:
                      canary: 'rate(latency_sum{track="canary"}[1m])'
                      baseline: 'rate(latency_sum{track="stable"}[1m])'
                      confidence: 0.99
                      min_samples: 20
            services:
              api:
                deploy:
                  provider:
                    type: kubernetes
                    deployment: api
                    namespace: shop
                    token: "${env:API_HEALTH_TOKEN}"
                    replicas: 4
                    labels: {app: api}
                  strategy:
                    canary:
                      steps:
                        - {weight: 10, pause: 5m, analysis: errors}
                        - {replicas: 2, irreversible: true}
                        - {weight: 50, pause: until_promoted}
                  gates:
                    preset: default
                    business_metric: checkout
                    after: {validation: 10m}
                  environments: [staging, production]
              web:
                deploy:
                  provider: {type: command, deploy: ./deploy.sh}
                  strategy: {blue_green: {keep_warm: 30m}}
                  gates:
                    before: {previous_environment: false}
                    during: [own]
                    after: {analysis: errors}
                  analyses:
                    own:
                      metrics: [{name: up, query: 'up{job="web"}', success: 'result == 1'}]
              worker:
                deploy:
                  provider: {type: command, deploy: ./roll.sh}
                  strategy: {rolling: {batches: 3, pause: 30s}}
            """;

    @Test
    void aFullDeploySectionIsRead() {
        StackConfig config = loaded(FULL);

        assertThat(config.deployments().environments())
                .containsExactly(
                        new Environment("dev", 0, List.of()),
                        new Environment("staging", 1, List.of("dev")),
                        new Environment("production", 2, List.of("staging")));
        AnalysisTemplate errors = config.deployments().analyses().get("errors");
        assertThat(errors.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(errors.failureLimit()).isEqualTo(1);
        assertThat(errors.minSamples()).isEqualTo(5);
        assertThat(errors.inconclusiveLimit()).isEqualTo(AnalysisTemplate.DEFAULT_INCONCLUSIVE_LIMIT);
        assertThat(errors.metrics().getFirst().failure()).isEqualTo(Condition.parse("result > 0.01"));
        assertThat(errors.statistical())
                .containsExactly(new StatisticalGate(
                        "latency",
                        "rate(latency_sum{track=\"canary\"}[1m])",
                        "rate(latency_sum{track=\"stable\"}[1m])",
                        0.99,
                        20));

        DeployConfig api = config.services().get("api").deploy().orElseThrow();
        assertThat(api.provider().type()).isEqualTo("kubernetes");
        assertThat(api.provider().path()).isEqualTo("services.api.deploy.provider");
        assertThat(api.provider().settings())
                .containsOnlyKeys("deployment", "namespace", "token", "replicas", "labels")
                .containsEntry("deployment", "api")
                .containsEntry("replicas", "4")
                .containsEntry("token", "${env:API_HEALTH_TOKEN}")
                .containsEntry("labels", Map.of("app", "api"));
        assertThat(((Strategy.Canary) api.strategy()).steps())
                .containsExactly(
                        new CanaryStep(
                                Optional.of(10),
                                Optional.empty(),
                                new Pause.For(Duration.ofMinutes(5)),
                                Optional.of("errors"),
                                false),
                        new CanaryStep(Optional.empty(), Optional.of(2), Pause.NONE, Optional.empty(), true),
                        new CanaryStep(
                                Optional.of(50), Optional.empty(), new Pause.UntilPromoted(), Optional.empty(), false));
        assertThat(api.gates())
                .isEqualTo(new Gates(
                        Gates.Before.ALL, List.of("default"), Duration.ofMinutes(10), Optional.of("default")));
        assertThat(api.analyses().get("default"))
                .isEqualTo(GatePresets.defaultAnalysis("api", Optional.of("checkout")));
        assertThat(api.environments()).containsExactly("staging", "production");

        DeployConfig web = config.services().get("web").deploy().orElseThrow();
        assertThat(web.strategy()).isEqualTo(new Strategy.BlueGreen(Duration.ofMinutes(30)));
        assertThat(web.gates())
                .isEqualTo(new Gates(
                        new Gates.Before(true, true, true, false),
                        List.of("own"),
                        Gates.DEFAULT_VALIDATION,
                        Optional.of("errors")));

        DeployConfig worker = config.services().get("worker").deploy().orElseThrow();
        assertThat(worker.strategy()).isEqualTo(new Strategy.Rolling(3, Duration.ofSeconds(30)));
        assertThat(worker.gates().during()).isEmpty();
        assertThat(config.services().get("api").checks()).isEmpty();
    }

    @Test
    void theReadConfigurationCompilesToPlans() {
        StackConfig config = loaded(FULL);
        for (var s : config.services().values()) {
            Plan plan = Plans.compile(s.deploy().orElseThrow(), config.deployments());
            assertThat(plan.steps()).isNotEmpty();
        }
        Plan api = Plans.compile(config.services().get("api").deploy().orElseThrow(), config.deployments());
        assertThat(api.step(0).analysis().name()).isEqualTo("default+errors");
        assertThat(api.irreversibleThrough(1)).isTrue();
        assertThat(api.irreversibleThrough(0)).isFalse();
    }

    @Test
    void aServiceWithoutDeployHasNone() {
        assertThat(loaded("stack: s\nservices:\n  api: {}\n")
                        .services()
                        .get("api")
                        .deploy())
                .isEmpty();
    }

    @Test
    void everyErrorOfADeploySectionIsReportedWithItsPathAndPosition() {
        String yaml = """
                stack: shop
                environments: [{name: staging}, {name: production, requires: [qa]}]
                services:
                  api:
                    deploy:
                      provider: {deployment: api}
                      strategy:
                        canary:
                          steps:
                            - {weight: 50, analysis: nope}
                            - {weight: 20, pause: forever}
                            - {weight: 30, replicas: 2}
                      gates: {preset: careful, during: [missing]}
                      environments: [prod]
                      analyses:
                        bad:
                          metrics:
                            - {name: q, query: 'sum(rate(x[5m]) by', failure: 'value > 1'}
                """;
        List<ConfigError> errors = errors(yaml);

        assertThat(errors)
                .extracting(ConfigError::path)
                .containsExactly(
                        "environments[1].requires",
                        "services.api.deploy.provider.type",
                        "services.api.deploy.strategy.canary.steps[0].analysis",
                        "services.api.deploy.strategy.canary.steps[1].weight",
                        "services.api.deploy.strategy.canary.steps[1].pause",
                        "services.api.deploy.strategy.canary.steps[2].weight",
                        "services.api.deploy.gates.preset",
                        "services.api.deploy.gates.during[0]",
                        "services.api.deploy.environments",
                        "services.api.deploy.analyses.bad.metrics[0].query",
                        "services.api.deploy.analyses.bad.metrics[0].failure");
        assertError(
                errors.get(0),
                2,
                col(yaml, 2, "qa"),
                "environments[1].requires",
                "unknown or later environment",
                "\"qa\"",
                "one of the environments declared before: staging");
        assertError(
                errors.get(2),
                10,
                col(yaml, 10, "nope"),
                "services.api.deploy.strategy.canary.steps[0].analysis",
                "unknown analysis",
                "\"nope\"",
                "one of bad");
        assertError(
                errors.get(3),
                11,
                col(yaml, 11, "20"),
                "services.api.deploy.strategy.canary.steps[1].weight",
                "canary weights must increase:",
                "20 after 50",
                "a percentage from 1 to 100, above the previous step's (50)");
        assertThat(errors.get(5).message()).isEqualTo("both weight and replicas");
        assertThat(errors.get(9).message()).startsWith("invalid PromQL: ");
        assertThat(errors.get(9).column()).isGreaterThan(col(yaml, 18, "sum("));
        assertThat(errors.get(10).message()).isEqualTo("invalid condition");
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        String yaml = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2, speed: fast}}
                      gates: {before: {healthy: true}}
                      retries: 3
                """;
        assertThat(errors(yaml))
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "services.api.deploy.strategy.rolling.speed", "unknown key"),
                        org.assertj.core.groups.Tuple.tuple("services.api.deploy.gates.before.healthy", "unknown key"),
                        org.assertj.core.groups.Tuple.tuple("services.api.deploy.retries", "unknown key"));
    }

    @Test
    void aDeploySectionNeedsAProviderAndAStrategyAndAnAnalysisSomethingToMeasure() {
        String yaml = """
                stack: shop
                analyses:
                  empty: {interval: 30s}
                services:
                  api:
                    deploy: {gates: {business_metric: checkout}}
                """;
        assertThat(errors(yaml))
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("analyses.empty.metrics", "nothing to measure"),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.api.deploy.provider", "missing required key \"provider\""),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.api.deploy.strategy", "missing required key \"strategy\""),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.api.deploy.gates.business_metric", "business_metric without a preset"));
    }

    @Test
    void announcementReceiversAreReadAsWrittenAndDefaultToNone() {
        String yaml = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {receivers: [ops-slack, deploys]}
                  web:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                """;
        StackConfig config = loaded(yaml);
        assertThat(config.services().get("api").deploy().orElseThrow().announceTo())
                .containsExactly("ops-slack", "deploys");
        assertThat(config.services().get("web").deploy().orElseThrow().announceTo())
                .isEmpty();
    }

    @Test
    void aRollbackCapacityGateIsReadWithItsQueryAndNeededCountAndABadOneIsAnErrorWithItsPath() {
        String good = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      gates:
                        rollback: {capacity: 'count(up{job="api",version="${stable_version}"} == 1)', needed: 3}
                  web:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                """;
        StackConfig config = loaded(good);
        assertThat(config.services().get("api").deploy().orElseThrow().gates().rollbackCapacity())
                .contains(new dev.steward.core.deploy.CapacityGate(
                        "count(up{job=\"api\",version=\"${stable_version}\"} == 1)", 3));
        assertThat(config.services().get("web").deploy().orElseThrow().gates().rollbackCapacity())
                .isEmpty();

        String bad = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      gates:
                        rollback: {capacity: 'sum(up', needed: 0}
                  web:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      gates:
                        rollback: {needed: 2}
                """;
        assertThat(errors(bad))
                .extracting(ConfigError::path)
                .containsExactly(
                        "services.api.deploy.gates.rollback.capacity",
                        "services.api.deploy.gates.rollback.needed",
                        "services.web.deploy.gates.rollback.capacity");
    }

    @Test
    void announceAheadDefaultsToHalfAnHourTakesADurationAndZeroTurnsItOff() {
        String yaml = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {receivers: [ops], ahead: 2h}
                  web:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {receivers: [ops], ahead: 0m}
                  db:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                """;
        StackConfig config = loaded(yaml);
        assertThat(config.services().get("api").deploy().orElseThrow().announceAhead())
                .isEqualTo(java.time.Duration.ofHours(2));
        assertThat(config.services().get("web").deploy().orElseThrow().announceAhead())
                .isZero();
        assertThat(config.services().get("db").deploy().orElseThrow().announceAhead())
                .isEqualTo(java.time.Duration.ofMinutes(30));
    }

    @Test
    void anAnnounceAheadThatIsNotADurationIsAnErrorWithItsPath() {
        String yaml = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {receivers: [ops], ahead: soon}
                """;
        assertThat(errors(yaml))
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("services.api.deploy.announce.ahead", "invalid duration"));
    }

    @Test
    void anAnnounceSectionWithAnUnknownKeyOrWithoutReceiversIsAnErrorWithItsPath() {
        String yaml = """
                stack: shop
                services:
                  api:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {receivers: [ops], before: 30m}
                  web:
                    deploy:
                      provider: {type: command, deploy: x}
                      strategy: {rolling: {batches: 2}}
                      announce: {}
                """;
        assertThat(errors(yaml))
                .extracting(ConfigError::path, ConfigError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("services.api.deploy.announce.before", "unknown key"),
                        org.assertj.core.groups.Tuple.tuple(
                                "services.web.deploy.announce.receivers", "missing required key \"receivers\""));
    }

    @Test
    void aMannWhitneyConfidenceMustLieBetweenOneHalfAndOne() {
        String yaml = """
                stack: shop
                analyses:
                  stat:
                    statistical:
                      - name: latency
                        mann_whitney: {canary: 'up', baseline: 'up', confidence: 1.5}
                services:
                  api: {}
                """;
        assertError(
                LoaderFixture.onlyError(yaml),
                6,
                col(yaml, 6, "1.5"),
                "analyses.stat.statistical[0].mann_whitney.confidence",
                "out of range:",
                "1.5",
                "a confidence level above 0.5 and below 1, such as 0.95");
    }
}
