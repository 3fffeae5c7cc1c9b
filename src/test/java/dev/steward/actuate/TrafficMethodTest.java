package dev.steward.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.deploy.Actuator;
import dev.steward.notify.Configured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each provider states how it moves traffic, as the deployment's plan shows it. */
class TrafficMethodTest {
    private final TestTools tools = new TestTools();

    private Actuator built(String type, Map<String, Object> settings) {
        return switch (Actuators.forConfig(type, settings, "deploy.provider", tools.tools)) {
            case Configured.Valid<Actuator> v -> v.value();
            case Configured.Invalid<Actuator> i -> throw new AssertionError(i.errors());
        };
    }

    @Test
    void eachProviderNamesItsMethod() {
        assertThat(built("command", Map.of("deploy", "d", "rollback", "r", "set_weight", "w", "promote", "p"))
                        .traffic("api"))
                .isEqualTo("traffic weights set by the set_weight command");
        assertThat(built("command", Map.of("deploy", "d", "rollback", "r", "scale_canary", "s", "promote", "p"))
                        .traffic("api"))
                .isEqualTo("canary replicas set by the scale_canary command");
        assertThat(built("command", Map.of("deploy", "d", "rollback", "r")).traffic("api"))
                .startsWith("the deploy command's own");
        assertThat(built("http", Map.of("url", "https://deploy.example/hook")).traffic("api"))
                .startsWith("weights, replicas and switches carried out by the webhook");
        assertThat(built(
                                "nginx",
                                Map.of(
                                        "file",
                                        "/etc/nginx/conf.d/api.conf",
                                        "stable",
                                        List.of("10.0.0.1:80"),
                                        "canary",
                                        List.of("10.0.0.2:80"),
                                        "commands",
                                        Map.of("deploy", "d")))
                        .traffic("api"))
                .isEqualTo("nginx weights of upstream api (stable 10.0.0.1:80; canary 10.0.0.2:80) written to"
                        + " /etc/nginx/conf.d/api.conf and reloaded");
        assertThat(built(
                                "haproxy",
                                Map.of(
                                        "file",
                                        "/etc/haproxy/api.cfg",
                                        "backend",
                                        "be_api",
                                        "stable",
                                        List.of("a:80"),
                                        "canary",
                                        List.of("b:80"),
                                        "commands",
                                        Map.of("deploy", "d")))
                        .traffic("api"))
                .startsWith("HAProxy weights of backend be_api");
    }
}
