package dev.steward.actuate.kubernetes;

import dev.steward.actuate.Ticker;
import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a step to a Kubernetes Deployment. {@code deploy} with a share or replicas starts the canary, at 100 % (or
 * without a share) rolls the stable Deployment to the new image ({@link #deploy}); {@code set_weight} and {@code
 * scale_canary} run the new image in a canary Deployment beside it ({@link Canary}) sized to
 * the weight (or the asked replicas); {@code switch} and {@code promote} roll the stable Deployment to the new image
 * and then remove the canary (a Service balances over both, so switching traffic is promoting); {@code rollback}
 * removes the canary first (the bad version stops serving at once) and rolls the stable Deployment back to the
 * stable image, which reuses its previous ReplicaSet (the revision history is kept: a limit of 0 is raised to 1);
 * {@code cleanup} removes the canary. Every change is a JSON patch (never strategic merge) and every rollout is
 * watched until done, stalled or past the timeout, which bounds the whole step.
 */
public final class KubernetesActuator implements Actuator, AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KubernetesSettings settings;
    private final KubernetesClient client;
    private final Ticker ticker;
    private final String namespace;

    public KubernetesActuator(KubernetesSettings settings, KubernetesClient client, Ticker ticker) {
        this.settings = settings;
        this.client = client;
        this.ticker = ticker;
        this.namespace = settings.namespace()
                .orElseGet(() -> Optional.ofNullable(client.getNamespace()).orElse("default"));
    }

    /** Why a step cannot go on: a value, not a bug. */
    private static final class Refused extends Exception {
        private final boolean retryable;

        Refused(String message, boolean retryable) {
            super(message, null, false, false);
            this.retryable = retryable;
        }
    }

    @Override
    public Result apply(Actuation request) {
        long deadline = ticker.read() + settings.timeout().toNanos();
        String stable = settings.deployment().orElse(request.service());
        try {
            String output = switch (request.action()) {
                case DEPLOY -> deploy(stable, request, deadline);
                case SET_WEIGHT -> canary(stable, request, request.weightPercent(), deadline);
                case SCALE_CANARY -> canary(stable, request, -1, deadline);
                case SWITCH, PROMOTE -> roll(stable, request.version(), deadline) + "\n" + removeCanary(stable);
                case ROLLBACK -> removeCanary(stable) + "\n" + roll(stable, request.stableVersion(), deadline);
                case CLEANUP -> removeCanary(stable);
            };
            return new Result.Applied(Duration.ZERO, output);
        } catch (Refused r) {
            return new Result.Failed(r.getMessage(), r.retryable, "", Optional.empty());
        } catch (KubernetesClientTimeoutException e) {
            return new Result.Failed(
                    "timeout: not rolled out within " + settings.timeout().toSeconds() + " s",
                    true,
                    "",
                    Optional.empty());
        } catch (KubernetesClientException e) {
            return failure(e);
        }
    }

    /**
     * A deploy with a share of the traffic (a canary's first step, "deploy, 10 % of traffic", or a rolling batch) or
     * with replicas starts the canary Deployment at that size, so only that share runs the new version; a deploy of
     * everything (100 %, the last rolling batch) rolls the stable Deployment and removes the canary; a deploy without a
     * share (blue-green's first step) rolls the stable Deployment: one Service balances over both, so there is no green
     * set apart from the traffic.
     */
    private String deploy(String stable, Actuation request, long deadline) throws Refused {
        if (request.replicas() > 0) {
            return canary(stable, request, -1, deadline);
        }
        if (request.weightPercent() > 0 && request.weightPercent() < 100) {
            return canary(stable, request, request.weightPercent(), deadline);
        }
        String rolled = roll(stable, request.version(), deadline);
        return request.weightPercent() >= 100 ? rolled + "\n" + removeCanary(stable) : rolled;
    }

    /** Rolls {@code name} to {@code version}'s image and waits until the rollout is done. */
    private String roll(String name, String version, long deadline) throws Refused {
        Deployment d = get(name);
        int index = container(d);
        String image = image(d, index, version);
        List<Map<String, Object>> patch = new ArrayList<>();
        patch.add(
                op("test", containerPath(index) + "/name", containerAt(d, index).getName()));
        patch.add(op("replace", containerPath(index) + "/image", image));
        if (Integer.valueOf(0).equals(d.getSpec().getRevisionHistoryLimit())) {
            patch.add(op("replace", "/spec/revisionHistoryLimit", 1));
        }
        patch.add(annotation(d, version));
        deployments().withName(name).patch(PatchContext.of(PatchType.JSON), JSON.writeValueAsString(patch));
        Deployment done = await(name, image, index, deadline);
        return "deployment " + namespace + "/" + name + " rolled out to " + image + ": " + Rollout.summary(done);
    }

    /** Creates or resizes the canary of {@code stable} at {@code weight} percent (or the asked replicas if < 0). */
    private String canary(String stable, Actuation request, int weight, long deadline) throws Refused {
        Deployment d = get(stable);
        int index = container(d);
        String image = image(d, index, request.version());
        int stableReplicas = Rollout.desired(d);
        int replicas = weight >= 0 || request.replicas() <= 0
                ? Canary.replicasFor(weight >= 0 ? weight : request.weightPercent(), stableReplicas)
                : request.replicas();
        String name = Canary.name(stable);
        Deployment existing = deployments().withName(name).get();
        if (existing == null) {
            deployments()
                    .resource(Canary.from(d, index, image, request.version(), replicas))
                    .create();
        } else {
            List<Map<String, Object>> patch = List.of(
                    op("replace", "/spec/replicas", replicas),
                    op("replace", containerPath(index) + "/image", image),
                    annotation(existing, request.version()));
            deployments().withName(name).patch(PatchContext.of(PatchType.JSON), JSON.writeValueAsString(patch));
        }
        Deployment done = await(name, image, index, deadline);
        return "canary " + namespace + "/" + name + " at " + image + ": " + replicas + " replicas beside "
                + stableReplicas
                + " stable (" + Math.round(100.0 * replicas / (replicas + stableReplicas)) + " % of the pods); "
                + Rollout.summary(done);
    }

    private String removeCanary(String stable) {
        String name = Canary.name(stable);
        boolean removed = !deployments().withName(name).delete().isEmpty();
        return removed ? "canary " + namespace + "/" + name + " removed" : "no canary " + namespace + "/" + name;
    }

    private Deployment await(String name, String image, int index, long deadline) throws Refused {
        long left = Math.max(1, deadline - ticker.read());
        Deployment d = deployments()
                .withName(name)
                .waitUntilCondition(
                        x -> x == null
                                || Rollout.done(x, image, index)
                                || Rollout.stalled(x).isPresent(),
                        left,
                        TimeUnit.NANOSECONDS);
        if (d == null) {
            throw new Refused("deployment " + namespace + "/" + name + " was deleted during the rollout", false);
        }
        Optional<String> stalled = Rollout.stalled(d);
        if (stalled.isPresent() && !Rollout.done(d, image, index)) {
            throw new Refused("rollout of " + namespace + "/" + name + " stalled: " + stalled.get(), false);
        }
        return d;
    }

    private Deployment get(String name) throws Refused {
        Deployment d = deployments().withName(name).get();
        if (d == null) {
            throw new Refused("deployment " + namespace + "/" + name + " not found", false);
        }
        return d;
    }

    private int container(Deployment d) throws Refused {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        if (settings.container().isEmpty()) {
            return 0;
        }
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).getName().equals(settings.container().get())) {
                return i;
            }
        }
        throw new Refused(
                "deployment " + namespace + "/" + d.getMetadata().getName() + " has no container "
                        + settings.container().get(),
                false);
    }

    private String image(Deployment d, int index, String version) throws Refused {
        if (!Images.validTag(version)) {
            throw new Refused("version " + version + " is not a valid image tag", false);
        }
        return Images.forVersion(settings.image(), containerAt(d, index).getImage(), version);
    }

    private static Container containerAt(Deployment d, int index) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(index);
    }

    private static String containerPath(int index) {
        return "/spec/template/spec/containers/" + index;
    }

    /** Records the version on the Deployment itself, not its pod template, so a rollback reuses the old ReplicaSet. */
    private static Map<String, Object> annotation(Deployment d, String version) {
        if (d.getMetadata().getAnnotations() == null) {
            return op("add", "/metadata/annotations", Map.of(Canary.VERSION, version));
        }
        return op(
                "add",
                "/metadata/annotations/" + Canary.VERSION.replace("~", "~0").replace("/", "~1"),
                version);
    }

    private static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("path", path);
        m.put("value", value);
        return m;
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
                    Deployment,
                    io.fabric8.kubernetes.api.model.apps.DeploymentList,
                    RollableScalableResource<Deployment>>
            deployments() {
        return client.apps().deployments().inNamespace(namespace);
    }

    /** Connection failures, conflicts, 429 and 5xx are retryable; other API errors are not. */
    static Result.Failed failure(KubernetesClientException e) {
        int code = e.getCode();
        boolean retryable = code <= 0 || code == 409 || code == 429 || code >= 500;
        String reason = code <= 0
                ? "cannot reach the Kubernetes API: " + e.getMessage()
                : "Kubernetes API answered "
                        + code + ": "
                        + (e.getStatus() != null && e.getStatus().getMessage() != null
                                ? e.getStatus().getMessage()
                                : e.getMessage());
        return new Result.Failed(reason, retryable, "", Optional.empty());
    }

    @Override
    public String traffic(String service) {
        String d = settings.deployment().orElse(service);
        return "replica ratio: canary Deployment " + d + "-canary sized ceil(weight % x replicas of " + d
                + "), both behind the same Service, namespace "
                + settings.namespace().orElse("of the kubeconfig");
    }

    @Override
    public void close() {
        client.close();
    }
}
