package dev.steward.actuate.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canary of a stable Deployment: a second Deployment {@code <name>-canary}, a copy of the stable one whose pods
 * run the new image and carry {@code steward.dev/track: canary} (in its selector too, so the two never claim each
 * other's pods). A Service that selects the stable pods' labels balances over both, so the canary's share of traffic
 * is its share of the pods: the weight is applied as a replica count.
 */
final class Canary {
    static final String TRACK = "steward.dev/track";
    static final String VERSION = "steward.dev/version";

    private Canary() {}

    static String name(String stable) {
        return stable + "-canary";
    }

    /** Replicas for {@code weightPercent} of the stable's {@code stableReplicas}: rounded up, at least 1. */
    static int replicasFor(int weightPercent, int stableReplicas) {
        int r = (int) Math.ceil(Math.max(0, weightPercent) * (double) stableReplicas / 100.0);
        return Math.max(1, r);
    }

    static Deployment from(Deployment stable, int container, String image, String version, int replicas) {
        String name = name(stable.getMetadata().getName());
        Map<String, String> labels = with(stable.getMetadata().getLabels());
        ObjectMeta meta = new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(stable.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(Map.of(VERSION, version))
                .build();
        Deployment copy = new DeploymentBuilder(stable)
                .withMetadata(meta)
                .withStatus(null)
                .editSpec()
                .withReplicas(replicas)
                .editSelector()
                .withMatchLabels(with(stable.getSpec().getSelector().getMatchLabels()))
                .endSelector()
                .editTemplate()
                .editMetadata()
                .withLabels(with(stable.getSpec().getTemplate().getMetadata().getLabels()))
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build();
        copy.getSpec().getTemplate().getSpec().getContainers().get(container).setImage(image);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> labels) {
        Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        out.put(TRACK, "canary");
        return out;
    }
}
