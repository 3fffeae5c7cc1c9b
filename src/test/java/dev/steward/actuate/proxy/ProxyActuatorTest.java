package dev.steward.actuate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.actuate.Actuators;
import dev.steward.actuate.TestTools;
import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuation.Action;
import dev.steward.core.deploy.Actuation.Result;
import dev.steward.core.deploy.Actuator;
import dev.steward.notify.Configured;
import dev.steward.stackfile.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyActuatorTest {
    @TempDir
    Path dir;

    private final TestTools tools = new TestTools();

    private Path file() {
        return dir.resolve("upstream.conf");
    }

    private Path reloads() {
        return dir.resolve("reloads.log");
    }

    private Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", file().toString());
        s.put("stable", List.of("10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080"));
        s.put("canary", List.of("10.0.0.9:8080"));
        s.put("reload", "echo reload ${weight} >> " + reloads());
        s.put("commands", Map.of("deploy", "echo deploying ${version} to the canary servers"));
        s.putAll(extra);
        return s;
    }

    private Actuator actuator(String type, Map<String, Object> extra) {
        return switch (Actuators.forConfig(type, settings(extra), "deploy.provider", tools.tools)) {
            case Configured.Valid<Actuator> v -> v.value();
            case Configured.Invalid<Actuator> i -> throw new AssertionError(i.errors());
        };
    }

    private static Actuation request(Action action, int weight) {
        return new Actuation(action, "api", "prod", "2.0.0", "1.0.0", weight, 0, 3, Map.of());
    }

    private static Result.Applied applied(Result r) {
        assertThat(r).isInstanceOf(Result.Applied.class);
        return (Result.Applied) r;
    }

    @Test
    void nginxGetsAWeightedUpstreamSoEachPoolCarriesItsShareThenAReload() throws IOException {
        Actuator a = actuator("nginx", Map.of("server_options", "max_fails=3"));

        Result.Applied r = applied(a.apply(request(Action.SET_WEIGHT, 10)));

        assertThat(Files.readString(file())).isEqualTo("""
                # api prod: 2.0.0 at 10 %, 1.0.0 at 90 % (set_weight, step 3)
                # Written by Steward; do not edit: the next deployment step rewrites it.
                upstream api {
                    server 10.0.0.1:8080 weight=3 max_fails=3; # stable
                    server 10.0.0.2:8080 weight=3 max_fails=3; # stable
                    server 10.0.0.3:8080 weight=3 max_fails=3; # stable
                    server 10.0.0.9:8080 weight=1 max_fails=3; # canary
                }
                """);
        assertThat(Files.readString(reloads())).isEqualTo("reload 10\n");
        assertThat(r.output()).startsWith("wrote " + file() + ": canary 10 %, stable 90 %; reloaded");
    }

    @Test
    void nginxMarksAPoolWithNoShareDownBecauseItsWeightsStartAtOne() throws IOException {
        Actuator a = actuator("nginx", Map.of("upstream", "api_backend"));

        applied(a.apply(request(Action.SWITCH, 0)));
        String switched = Files.readString(file());
        applied(a.apply(request(Action.ROLLBACK, 0)));
        String rolledBack = Files.readString(file());

        assertThat(switched)
                .contains("upstream api_backend {")
                .contains("server 10.0.0.1:8080 down; # stable")
                .contains("server 10.0.0.9:8080 weight=1; # canary");
        assertThat(rolledBack)
                .contains("server 10.0.0.1:8080 weight=1; # stable")
                .contains("server 10.0.0.9:8080 down; # canary");
    }

    @Test
    void haproxyGetsABackendWithWeightsUpToTwoHundredFiftySixAndZeroForNoShare() throws IOException {
        Actuator a = actuator("haproxy", Map.of("server_options", "check"));

        applied(a.apply(request(Action.SET_WEIGHT, 33)));
        String weighted = Files.readString(file());
        applied(a.apply(request(Action.PROMOTE, 100)));
        String promoted = Files.readString(file());

        assertThat(weighted).endsWith("""
                backend api
                    balance roundrobin
                    server stable-1 10.0.0.1:8080 weight 67 check
                    server stable-2 10.0.0.2:8080 weight 67 check
                    server stable-3 10.0.0.3:8080 weight 67 check
                    server canary-1 10.0.0.9:8080 weight 99 check
                """);
        assertThat(promoted).contains("server stable-1 10.0.0.1:8080 weight 0 check");
    }

    @Test
    void aFailedReloadPutsThePreviousFileBackAndFails() throws IOException {
        Actuator good = actuator("nginx", Map.of());
        applied(good.apply(request(Action.SET_WEIGHT, 10)));
        String before = Files.readString(file());
        Actuator broken = actuator("nginx", Map.of("reload", "echo 'nginx: [emerg] bad' >&2; exit 1"));

        Result r = broken.apply(request(Action.SET_WEIGHT, 50));

        assertThat(r).isInstanceOfSatisfying(Result.Failed.class, f -> {
            assertThat(f.reason())
                    .isEqualTo("reload command exited with 1: nginx: [emerg] bad; the previous file is back");
            assertThat(f.exitCode()).contains(1);
        });
        assertThat(Files.readString(file())).isEqualTo(before);
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void deployRunsTheDeployCommandAndLeavesTheWeightsAlone() {
        Actuator a = actuator("nginx", Map.of());

        Result.Applied r = applied(a.apply(request(Action.DEPLOY, 0)));
        Result cleanup = a.apply(request(Action.CLEANUP, 0));
        Result scale = a.apply(request(Action.SCALE_CANARY, 0));

        assertThat(r.output()).isEqualTo("deploying 2.0.0 to the canary servers\n");
        assertThat(file()).doesNotExist();
        assertThat(cleanup).isInstanceOf(Result.Applied.class);
        assertThat(scale)
                .isInstanceOfSatisfying(
                        Result.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo("no scale_canary command is configured"));
    }

    @Test
    void aCanarysFirstStepStartsTheCanaryThenSendsItItsShare() throws IOException {
        Actuator a =
                actuator("haproxy", Map.of("commands", Map.of("deploy", "echo deploying ${version} >> " + reloads())));

        Result.Applied r = applied(a.apply(request(Action.DEPLOY, 10)));

        assertThat(Files.readString(reloads())).isEqualTo("deploying 2.0.0\nreload 10\n");
        assertThat(Files.readString(file()))
                .startsWith("# api prod: 2.0.0 at 10 %, 1.0.0 at 90 % (deploy, step 3)")
                .contains("server stable-1 10.0.0.1:8080 weight 3\n")
                .contains("server canary-1 10.0.0.9:8080 weight 1\n");
        assertThat(r.output()).startsWith("wrote " + file() + ": canary 10 %, stable 90 %; reloaded");
    }

    @Test
    void aCanaryThatFailsToStartGetsNoTraffic() {
        Actuator a = actuator("nginx", Map.of("commands", Map.of("deploy", "echo no image >&2; exit 3")));

        Result r = a.apply(request(Action.DEPLOY, 10));

        assertThat(r)
                .isInstanceOfSatisfying(
                        Result.Failed.class,
                        f -> assertThat(f.reason()).isEqualTo("deploy command exited with 3: no image"));
        assertThat(file()).doesNotExist();
        assertThat(reloads()).doesNotExist();
    }

    @Test
    void realNginxAcceptsTheGeneratedUpstream() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed (Debian: nginx-light)");
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    include %1$s/upstream.conf;
                    server {
                        listen 127.0.0.1:18080;
                        location / { proxy_pass http://api; }
                    }
                }
                """.formatted(dir));
        String check = "/usr/sbin/nginx -t -q -p " + dir + " -c " + conf + " -e " + dir.resolve("error.log");
        Actuator a = actuator("nginx", Map.of("validate", check, "server_options", "max_fails=3 fail_timeout=10s"));

        Result weighted = a.apply(request(Action.SET_WEIGHT, 25));
        Result switched = a.apply(request(Action.SWITCH, 100));
        Actuator wrong = actuator("nginx", Map.of("validate", check, "server_options", "heavy=1"));
        Result refused = wrong.apply(request(Action.SET_WEIGHT, 50));

        assertThat(weighted).isInstanceOf(Result.Applied.class);
        assertThat(switched).isInstanceOf(Result.Applied.class);
        assertThat(refused).isInstanceOfSatisfying(Result.Failed.class, f -> {
            assertThat(f.reason()).startsWith("validate command exited with 1").endsWith("the previous file is back");
            assertThat(f.output()).contains("invalid parameter \"heavy=1\"");
        });
        assertThat(Files.readString(file())).contains("server 10.0.0.1:8080 down max_fails=3 fail_timeout=10s;");
    }

    @Test
    void realHaproxyAcceptsTheGeneratedBackend() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "haproxy is not installed (Debian: haproxy)");
        Path main = dir.resolve("haproxy.cfg");
        Files.writeString(main, """
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                frontend web
                    bind 127.0.0.1:18081
                    default_backend api
                """);
        String check = "/usr/sbin/haproxy -c -q -f " + main + " -f " + file();
        Actuator a = actuator("haproxy", Map.of("validate", check, "server_options", "check inter 2s"));

        Result weighted = a.apply(request(Action.SET_WEIGHT, 5));
        Result rolledBack = a.apply(request(Action.ROLLBACK, 0));

        assertThat(weighted).isInstanceOf(Result.Applied.class);
        assertThat(rolledBack).isInstanceOf(Result.Applied.class);
        assertThat(Files.readString(file())).contains("server canary-1 10.0.0.9:8080 weight 0 check inter 2s");
    }

    @Test
    void reportsEveryProblemOfTheSettingsWithItsPath() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", "upstream.conf");
        s.put("backend", "api");
        s.put("stable", List.of("10.0.0.1", "10.0.0.2:99999"));
        s.put("canary", "10.0.0.9:8080");
        s.put("server_options", "weight=5; include /etc/passwd");
        s.put("commands", Map.of("cleanup", "echo ${colour}"));

        List<ConfigError> errors =
                Actuators.forConfig("nginx", s, "deploy.provider", tools.tools).errors();

        assertThat(errors)
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactlyInAnyOrder(
                        "deploy.provider.backend: unknown setting",
                        "deploy.provider.file: not an absolute path",
                        "deploy.provider.stable[0]: invalid server address",
                        "deploy.provider.stable[1]: invalid server address",
                        "deploy.provider.canary: wrong type:",
                        "deploy.provider.server_options: invalid server options",
                        "deploy.provider.commands.cleanup: unknown variable ${colour}",
                        "deploy.provider.commands.deploy: missing");
    }
}
