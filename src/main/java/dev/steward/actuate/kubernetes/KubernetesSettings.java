package dev.steward.actuate.kubernetes;

import dev.steward.notify.ConfigMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kubernetes} provider's settings: {@code namespace} (default: the kubeconfig context's, else {@code
 * default}), {@code deployment} (default: the service's name), {@code container} (default: the first of the pod),
 * {@code image} (a template with {@code ${version}}, default: the container's current image with its tag replaced by
 * the version), {@code kubeconfig} (a file, default: {@code KUBECONFIG}, {@code ~/.kube/config} or the in-cluster
 * service account), {@code context} (default: the current one) and {@code timeout} (how long one step may take,
 * rollout included, default 5m).
 */
public record KubernetesSettings(
        Optional<String> namespace,
        Optional<String> deployment,
        Optional<String> container,
        Optional<String> image,
        Optional<Path> kubeconfig,
        Optional<String> context,
        Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public static final List<String> KEYS =
            List.of("namespace", "deployment", "container", "image", "kubeconfig", "context", "timeout");

    /** A DNS-1123 name, as namespaces, Deployments and containers are named. */
    private static final String NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    public static Optional<KubernetesSettings> read(ConfigMap m) {
        m.allow(KEYS);
        int before = m.errors().size();
        Optional<String> namespace = name(m, "namespace", 63);
        Optional<String> deployment = name(m, "deployment", 246); // room for the -canary suffix
        Optional<String> container = name(m, "container", 63);
        Optional<String> image = m.text("image");
        image.ifPresent(i -> {
            if (!i.contains("${version}") || i.replace("${version}", "").contains("${")) {
                m.error(
                        "image",
                        "invalid image template",
                        i,
                        "an image reference with ${version}, such as" + " registry.example.org/api:${version}");
            }
        });
        Optional<Path> kubeconfig = m.text("kubeconfig").map(Path::of);
        if (kubeconfig.isPresent() && !kubeconfig.get().isAbsolute()) {
            m.error("kubeconfig", "not an absolute path", kubeconfig.get().toString(), "an absolute file path");
        }
        Optional<String> context = m.text("context");
        Duration timeout = m.duration("timeout").orElse(DEFAULT_TIMEOUT);
        return m.errors().size() == before
                ? Optional.of(
                        new KubernetesSettings(namespace, deployment, container, image, kubeconfig, context, timeout))
                : Optional.empty();
    }

    private static Optional<String> name(ConfigMap m, String key, int max) {
        Optional<String> t = m.text(key);
        if (t.isPresent() && (!t.get().matches(NAME) || t.get().length() > max)) {
            m.error(
                    key,
                    "invalid name",
                    t.get(),
                    "a lower-case DNS name (a-z, 0-9, -) of at most " + max + " characters");
            return Optional.empty();
        }
        return t;
    }
}
