package dev.steward.actuate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.actuate.Actuators;
import dev.steward.actuate.TestTools;
import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.ConfigMap;
import dev.steward.notify.Configured;
import dev.steward.stackfile.ConfigError;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against fabric8's mock API server in CRUD mode. Nothing there runs a controller, so each test plays the Deployment
 * controller itself: it waits (on a watch) for the provider's change, then writes the status a finished rollout has.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesActuatorTest {
    static KubernetesClient client;
    static KubernetesMockServer server;

    private static final String NS = "shop";
    private static final String IMAGE = "registry.example.org:5000/shop/api";

    private final TestTools tools = new TestTools();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    Path dir;

    @BeforeEach
    void stableDeployment() {
        client.apps().deployments().inNamespace(NS).delete();
        Deployment d = new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .withNamespace(NS)
                .withLabels(Map.of("app", "api"))
                .endMetadata()
                .withNewSpec()
                .withReplicas(4)
                .withRevisionHistoryLimit(0)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "api"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "api"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("sidecar")
                .withImage("envoyproxy/envoy:v1.31")
                .endContainer()
                .addNewContainer()
                .withName("api")
                .withImage(IMAGE + ":1.0.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        client.apps().deployments().inNamespace(NS).resource(d).create();
        ready("api", IMAGE + ":1.0.0");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private KubernetesActuator actuator(String timeout) {
        return new KubernetesActuator(
                new KubernetesSettings(
                        Optional.of(NS),
                        Optional.empty(),
                        Optional.of("api"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        java.time.Duration.parse("PT" + timeout)),
                client,
                System::nanoTime);
    }

    private CompletableFuture<Result> start(Actuator a, Actuation request) {
        return CompletableFuture.supplyAsync(() -> a.apply(request), threads);
    }

    private static Deployment get(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(1).getImage();
    }

    /** Plays the Deployment controller: once {@code name} runs {@code image}, reports every replica ready. */
    private static void ready(String name, String image) {
        Deployment d = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName(name)
                .waitUntilCondition(x -> x != null && image.equals(image(x)), 60, TimeUnit.SECONDS);
        int n = d.getSpec().getReplicas();
        d.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(d.getMetadata().getGeneration())
                .withReplicas(n)
                .withUpdatedReplicas(n)
                .withReadyReplicas(n)
                .withAvailableReplicas(n)
                .build());
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();
    }

    private static Actuation request(Action action, String version, int weight, int replicas) {
        return new Actuation(action, "api", "prod", version, "1.0.0", weight, replicas, 1, Map.of());
    }

    private static Result.Applied applied(CompletableFuture<Result> f) throws Exception {
        Result r = f.get(90, TimeUnit.SECONDS);
        assertThat(r).isInstanceOf(Result.Applied.class);
        return (Result.Applied) r;
    }

    @Test
    void deployRollsTheStableDeploymentToTheNewImageAndWaitsForTheRollout() throws Exception {
        CompletableFuture<Result> result = start(actuator("60s"), request(Action.DEPLOY, "2.0.0", 0, 0));

        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api")
                .waitUntilCondition(x -> image(x).endsWith(":2.0.0"), 60, TimeUnit.SECONDS);
        assertThat(result).isNotDone();
        ready("api", IMAGE + ":2.0.0");

        Result.Applied r = applied(result);
        assertThat(r.output())
                .isEqualTo("deployment shop/api rolled out to " + IMAGE
                        + ":2.0.0: 4 of 4 updated, 4 ready, 4 available, 4 in all");
        Deployment d = get("api");
        assertThat(d.getSpec().getTemplate().getSpec().getContainers())
                .extracting(c -> c.getImage())
                .containsExactly("envoyproxy/envoy:v1.31", IMAGE + ":2.0.0");
        assertThat(d.getSpec().getRevisionHistoryLimit()).isEqualTo(1);
        assertThat(d.getMetadata().getAnnotations()).containsEntry("steward.dev/version", "2.0.0");
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void setWeightRunsACanaryDeploymentSizedByTheReplicaRatio() throws Exception {
        KubernetesActuator a = actuator("60s");
        CompletableFuture<Result> first = start(a, request(Action.SET_WEIGHT, "2.0.0", 10, 0));
        ready("api-canary", IMAGE + ":2.0.0");
        assertThat(applied(first).output())
                .startsWith(
                        "canary shop/api-canary at " + IMAGE + ":2.0.0: 1 replicas beside 4 stable (20 % of the pods)");

        Deployment canary = get("api-canary");
        assertThat(canary.getSpec().getSelector().getMatchLabels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("app", "api", "steward.dev/track", "canary"));
        assertThat(canary.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("steward.dev/track", "canary");
        assertThat(image(get("api"))).isEqualTo(IMAGE + ":1.0.0");

        CompletableFuture<Result> second = start(a, request(Action.SET_WEIGHT, "2.0.0", 60, 0));
        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api-canary")
                .waitUntilCondition(x -> x.getSpec().getReplicas() == 3, 60, TimeUnit.SECONDS);
        ready("api-canary", IMAGE + ":2.0.0");
        assertThat(applied(second).output()).contains("3 replicas beside 4 stable");
    }

    @Test
    void aCanarysFirstStepStartsTheCanaryAtItsShareAndLeavesTheStableDeploymentAlone() throws Exception {
        KubernetesActuator a = actuator("60s");
        CompletableFuture<Result> first = start(a, request(Action.DEPLOY, "2.0.0", 20, 0));
        ready("api-canary", IMAGE + ":2.0.0");

        assertThat(applied(first).output()).contains("1 replicas beside 4 stable");
        assertThat(image(get("api"))).isEqualTo(IMAGE + ":1.0.0");

        CompletableFuture<Result> byReplicas = start(a, request(Action.DEPLOY, "2.0.0", 0, 2));
        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api-canary")
                .waitUntilCondition(x -> x.getSpec().getReplicas() == 2, 60, TimeUnit.SECONDS);
        ready("api-canary", IMAGE + ":2.0.0");
        assertThat(applied(byReplicas).output()).contains("2 replicas beside 4 stable");
        assertThat(image(get("api"))).isEqualTo(IMAGE + ":1.0.0");
    }

    @Test
    void aDeployOfAllTheTrafficRollsTheStableDeploymentAndRemovesTheCanary() throws Exception {
        KubernetesActuator a = actuator("60s");
        CompletableFuture<Result> canary = start(a, request(Action.DEPLOY, "2.0.0", 50, 0));
        ready("api-canary", IMAGE + ":2.0.0");
        applied(canary);

        CompletableFuture<Result> all = start(a, request(Action.DEPLOY, "2.0.0", 100, 0));
        ready("api", IMAGE + ":2.0.0");

        assertThat(applied(all).output())
                .contains("rolled out to " + IMAGE + ":2.0.0")
                .contains("canary shop/api-canary removed");
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName("api-canary")
                        .get())
                .isNull();
    }

    @Test
    void scaleCanaryUsesTheAskedReplicas() throws Exception {
        CompletableFuture<Result> result = start(actuator("60s"), request(Action.SCALE_CANARY, "2.0.0", 0, 2));
        ready("api-canary", IMAGE + ":2.0.0");

        assertThat(applied(result).output()).contains("2 replicas beside 4 stable");
        assertThat(get("api-canary").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void promoteRollsTheStableDeploymentAndRemovesTheCanary() throws Exception {
        KubernetesActuator a = actuator("60s");
        CompletableFuture<Result> canary = start(a, request(Action.SET_WEIGHT, "2.0.0", 25, 0));
        ready("api-canary", IMAGE + ":2.0.0");
        applied(canary);

        CompletableFuture<Result> promote = start(a, request(Action.PROMOTE, "2.0.0", 100, 0));
        ready("api", IMAGE + ":2.0.0");

        assertThat(applied(promote).output()).endsWith("canary shop/api-canary removed");
        assertThat(get("api-canary")).isNull();
        assertThat(image(get("api"))).isEqualTo(IMAGE + ":2.0.0");
    }

    @Test
    void rollbackRemovesTheCanaryAndRestoresTheStableImage() throws Exception {
        KubernetesActuator a = actuator("60s");
        CompletableFuture<Result> deploy = start(a, request(Action.DEPLOY, "2.0.0", 0, 0));
        ready("api", IMAGE + ":2.0.0");
        applied(deploy);
        CompletableFuture<Result> canary = start(a, request(Action.SCALE_CANARY, "3.0.0", 0, 1));
        ready("api-canary", IMAGE + ":3.0.0");
        applied(canary);

        CompletableFuture<Result> rollback = start(a, request(Action.ROLLBACK, "2.0.0", 0, 0));
        client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api")
                .waitUntilCondition(x -> image(x).endsWith(":1.0.0"), 60, TimeUnit.SECONDS);
        assertThat(rollback).as("waits for the rollout back").isNotDone();
        ready("api", IMAGE + ":1.0.0");

        assertThat(applied(rollback).output())
                .startsWith("canary shop/api-canary removed\ndeployment shop/api rolled out to " + IMAGE + ":1.0.0");
        assertThat(get("api-canary")).isNull();
        assertThat(get("api").getSpec().getRevisionHistoryLimit()).isEqualTo(1);
        assertThat(get("api").getMetadata().getAnnotations()).containsEntry("steward.dev/version", "1.0.0");
    }

    @Test
    void aRolloutThatDoesNotFinishInTimeFailsAsRetryable() {
        Result r = actuator("0.3s").apply(request(Action.DEPLOY, "2.0.0", 0, 0));

        assertThat(r).isInstanceOf(Result.Failed.class);
        Result.Failed f = (Result.Failed) r;
        assertThat(f.reason()).startsWith("timeout: not rolled out within");
        assertThat(f.retryable()).isTrue();
    }

    @Test
    void aStalledRolloutFailsWithTheControllersMessage() throws Exception {
        CompletableFuture<Result> result = start(actuator("60s"), request(Action.DEPLOY, "2.0.0", 0, 0));
        Deployment d = client.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api")
                .waitUntilCondition(x -> image(x).endsWith(":2.0.0"), 60, TimeUnit.SECONDS);
        d.getStatus()
                .setConditions(List.of(new DeploymentConditionBuilder()
                        .withType("Progressing")
                        .withStatus("False")
                        .withReason("ProgressDeadlineExceeded")
                        .withMessage("ReplicaSet \"api-7d9\" has timed out progressing.")
                        .build()));
        client.apps().deployments().inNamespace(NS).resource(d).updateStatus();

        Result.Failed f = (Result.Failed) result.get(90, TimeUnit.SECONDS);
        assertThat(f.reason())
                .isEqualTo("rollout of shop/api stalled: ReplicaSet \"api-7d9\" has timed out progressing.");
        assertThat(f.retryable()).isFalse();
    }

    @Test
    void aMissingDeploymentOrContainerOrABadVersionIsRefused() {
        KubernetesActuator a = actuator("60s");

        Result.Failed missing = (Result.Failed)
                a.apply(new Actuation(Action.DEPLOY, "web", "prod", "2.0.0", "1.0.0", 0, 0, 1, Map.of()));
        Result.Failed badTag = (Result.Failed) a.apply(request(Action.DEPLOY, "2.0.0; rm", 0, 0));

        assertThat(missing.reason()).isEqualTo("deployment shop/web not found");
        assertThat(missing.retryable()).isFalse();
        assertThat(badTag.reason()).isEqualTo("version 2.0.0; rm is not a valid image tag");
        assertThat(image(get("api"))).isEqualTo(IMAGE + ":1.0.0");
    }

    @Test
    void theFactoryConnectsWithTheKubeconfigAndContextGiven() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: staging
                  context: {cluster: mock, user: steward, namespace: shop}
                current-context: staging
                users:
                - name: steward
                  user: {token: abc}
                """.formatted(client.getConfiguration().getMasterUrl()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("kubeconfig", kubeconfig.toString());
        settings.put("context", "staging");
        settings.put("deployment", "api");

        Actuator a = switch (Actuators.forConfig("kubernetes", settings, "deploy.provider", tools.tools)) {
            case Configured.Valid<Actuator> v -> v.value();
            case Configured.Invalid<Actuator> i -> throw new AssertionError(i.errors());
        };

        assertThat(a.apply(request(Action.CLEANUP, "2.0.0", 0, 0)))
                .isInstanceOfSatisfying(
                        Result.Applied.class, r -> assertThat(r.output()).isEqualTo("no canary shop/api-canary"));
    }

    @Test
    void reportsEveryProblemOfTheSettingsWithItsPath() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("namespace", "Shop");
        settings.put("image", "registry/api:latest");
        settings.put("kubeconfig", "kube/config");
        settings.put("replicas", "3");

        List<ConfigError> errors = Actuators.forConfig("kubernetes", settings, "deploy.provider", tools.tools)
                .errors();

        assertThat(errors)
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "deploy.provider.replicas: unknown setting",
                        "deploy.provider.namespace: invalid name",
                        "deploy.provider.image: invalid image template",
                        "deploy.provider.kubeconfig: not an absolute path");
        List<ConfigError> missingFile = new ArrayList<>();
        KubeconfigLoader.client(
                new KubernetesSettings(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(dir.resolve("absent")),
                        Optional.empty(),
                        KubernetesSettings.DEFAULT_TIMEOUT),
                ConfigMap.root(Map.of(), "deploy.provider", "stack.yml", tools.tools.secrets(), missingFile));
        assertThat(missingFile).extracting(ConfigError::path).containsExactly("deploy.provider.kubeconfig");
    }
}
