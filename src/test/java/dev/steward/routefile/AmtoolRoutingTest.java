package dev.steward.routefile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Route;
import dev.steward.core.series.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares Steward's routing decisions with Alertmanager's own ({@code amtool config routes test}) on the same files,
 * for a table of label sets and for random ones (seed printed; another with {@code -Dsteward.seed=N}). Skipped when
 * amtool is not installed.
 */
class AmtoolRoutingTest {
    private static final List<String> NAMES = List.of("alertname", "service", "severity", "env", "team", "cluster");
    private static final List<List<String>> VALUES = List.of(
            List.of("Down", "Slow", "X"),
            List.of("api", "frontend", "postgres", "redis", "db", "cache", "a", "abc", "api-gw"),
            List.of("critical", "warning", "info", "page", "none", "crit"),
            List.of("prod", "staging", "dev", "dav", "test"),
            List.of("ops", "web", "opsx"),
            List.of("eu", "us"));

    @TempDir
    Path dir;

    static Path amtool() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(p -> Path.of(p, "amtool"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"team.yml", "oncall.yml", "edge.yml"})
    void routesLikeAlertmanagerOnATableAndOnRandomLabelSets(String file) throws Exception {
        Path amtool = amtool();
        Assumptions.assumeTrue(
                amtool != null,
                "amtool is not installed: apt-get install prometheus-alertmanager to compare routing with Alertmanager");
        String text = RouteFileLoaderTest.resource(file);
        Path config = dir.resolve(file);
        Files.writeString(config, text);
        Route tree = RouteFileLoaderTest.loaded(text, file).tree();
        long seed = Long.getLong("steward.seed", 20261124L);
        System.out.println("AmtoolRoutingTest " + file + " seed " + seed);
        List<Labels> cases = new ArrayList<>(table());
        Random random = new Random(seed);
        for (int i = 0; i < 150; i++) {
            cases.add(randomLabels(random));
        }
        for (Labels labels : cases) {
            String steward = tree.match(labels).stream().map(Route::receiver).collect(Collectors.joining(","));
            assertThat(steward)
                    .as("%s with %s (seed %d)", file, labels, seed)
                    .isEqualTo(amtool(amtool, config, labels));
        }
    }

    private static List<Labels> table() {
        return List.of(
                Labels.of("alertname", "Down"),
                Labels.of("alertname", "Down", "service", "api", "severity", "critical"),
                Labels.of("alertname", "Down", "service", "frontend", "severity", "warning"),
                Labels.of("service", "api", "severity", "critical"),
                Labels.of("service", "postgres", "severity", "critical", "env", "staging"),
                Labels.of("service", "redis", "severity", "critical", "env", "prod"),
                Labels.of("severity", "critical", "team", "ops", "env", "prod", "service", "abc"),
                Labels.of("severity", "crit", "team", "ops", "env", "prod"),
                Labels.of("severity", "info", "team", "ops"),
                Labels.of("service", "cache", "team", "web"),
                Labels.of("service", "a", "severity", "none"),
                Labels.of("env", "dav", "team", "web"),
                Labels.of("env", "prod", "severity", "page"),
                Labels.of("env", "dev", "severity", "critical"));
    }

    private static Labels randomLabels(Random random) {
        Labels.Builder b = Labels.builder();
        for (int i = 0; i < NAMES.size(); i++) {
            if (random.nextInt(3) > 0) {
                List<String> values = VALUES.get(i);
                b.add(NAMES.get(i), values.get(random.nextInt(values.size())));
            }
        }
        Labels l = b.build();
        return l.isEmpty() ? Labels.of("alertname", "Down") : l;
    }

    private static String amtool(Path amtool, Path config, Labels labels) throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(List.of(amtool.toString(), "config", "routes", "test", "--config.file=" + config));
        labels.forEach((name, value) -> cmd.add(name + "=" + value));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("amtool finished").isTrue();
        assertThat(p.exitValue()).as("amtool exit code for %s", labels).isZero();
        return out;
    }
}
