package dev.steward.actuate.kubernetes;

import dev.steward.notify.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Makes the client of the {@code kubernetes} provider: from the configured kubeconfig file and context, or as {@code
 * kubectl} would ({@code KUBECONFIG}, {@code ~/.kube/config}, then the in-cluster service account). The client uses
 * the JDK's HTTP client. A kubeconfig that cannot be read, or a context it lacks, is a configuration error.
 */
public final class KubeconfigLoader {
    private KubeconfigLoader() {}

    public static Optional<KubernetesClient> client(KubernetesSettings settings, ConfigMap m) {
        String context = settings.context().orElse(null);
        Config config;
        try {
            if (settings.kubeconfig().isPresent()) {
                String path = settings.kubeconfig().get().toString();
                String text = Files.readString(settings.kubeconfig().get());
                config = Config.fromKubeconfig(context, text, path);
            } else {
                config = Config.autoConfigure(context);
            }
        } catch (IOException e) {
            m.error(
                    "kubeconfig",
                    "cannot read the kubeconfig file",
                    settings.kubeconfig().get().toString(),
                    "a readable kubeconfig file (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        } catch (RuntimeException e) {
            m.error(
                    settings.context().isPresent() ? "context" : "kubeconfig",
                    "unusable kubeconfig",
                    settings.context()
                            .orElse(settings.kubeconfig().map(Object::toString).orElse("default")),
                    "a kubeconfig with the context (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (settings.context().isPresent()
                && (config.getCurrentContext() == null
                        || !settings.context()
                                .get()
                                .equals(config.getCurrentContext().getName()))) {
            m.error(
                    "context",
                    "no such context in the kubeconfig",
                    settings.context().get(),
                    "a context of the kubeconfig");
            return Optional.empty();
        }
        return Optional.of(new KubernetesClientBuilder().withConfig(config).build());
    }
}
