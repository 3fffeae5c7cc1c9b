package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.demo.DemoOptions;
import dev.steward.demo.DemoService;
import dev.steward.demo.DemoStack;
import dev.steward.demo.DemoStackFile;
import dev.steward.demo.Fault;
import dev.steward.demo.LocalServers;
import dev.steward.probe.ClosedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward check} against the in-process demo stack (real HTTP on loopback) and the local PostgreSQL and Redis.
 * Faults are injected through the demo's fault controller, which takes effect before {@code inject} returns.
 */
class CheckCommandTest {
    private static DemoStack demo;

    @TempDir
    static Path dir;

    private static Path stackFile;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoStack.start(DemoOptions.defaults().withoutTraffic());
        stackFile = Files.writeString(dir.resolve("demo.yml"), demoYaml());
    }

    /**
     * The demo's services by hand, without the generated file's {@code latency < 500ms}: a one-shot {@code check} runs
     * in a cold JVM where the first loopback probes take 100 to 500 ms, so that condition would make the test flaky.
     */
    private static String demoYaml() {
        return """
                stack: demo
                services:
                  api:
                    depends_on: [search]
                    checks:
                      - name: health
                        http: {url: "%s/health"}
                        expect: ['status == 200']
                      - name: detailed
                        health: {url: "%s/health/detailed"}
                  search:
                    checks:
                      - name: cluster
                        elasticsearch: {url: "%s"}
                        expect: ['cluster.status == "green"']
                  frontend:
                    checks:
                      - name: page
                        http: {url: "%s/"}
                        expect: ['status == 200', 'body contains "<title>"']
                """.formatted(
                        demo.url(DemoService.API),
                        demo.url(DemoService.API),
                        demo.url(DemoService.SEARCH),
                        demo.url(DemoService.FRONTEND));
    }

    @AfterEach
    void clearFaults() {
        demo.faults().clearAll();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** The table's rows without the header: service, check, status, latency, reason (empty when up). */
    private static List<List<String>> rows(Cli cli) {
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.getFirst()).as(cli.transcript()).matches("SERVICE +CHECK +STATUS +LATENCY +REASON");
        return lines.subList(1, lines.size() - 1).stream()
                .map(l -> Arrays.asList(l.split(" {2,}", 5)))
                .map(r -> r.size() == 4 ? List.of(r.get(0), r.get(1), r.get(2), r.get(3), "") : r)
                .toList();
    }

    /** The rows without the latency column, which differs from run to run. */
    private static List<List<String>> rowsWithoutLatency(Cli cli) {
        return rows(cli).stream()
                .map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(4)))
                .toList();
    }

    private static Cli check(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "check";
        args[1] = "--config";
        args[2] = stackFile.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args);
    }

    @Test
    void theDemosGeneratedStackFileValidates() throws Exception {
        LocalServers local = LocalServers.detect();
        Path file = DemoStackFile.forStack(demo, local).writeTo(dir.resolve("generated.yml"));
        int extra = (local.postgres() ? 1 : 0) + (local.redis() ? 1 : 0);

        Cli cli = Cli.run("validate", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(cli.out())
                .isEqualTo(file + ": valid: stack demo, " + (4 + extra) + " services, " + (5 + extra)
                        + " checks, 1 rule groups (" + (5 + extra) + " rules, built-in check alerts included)\n");
    }

    @Test
    void aHealthyStackExitsZeroWithOneUpRowPerCheck() {
        Cli cli = check();

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(rowsWithoutLatency(cli))
                .containsExactly(
                        List.of("api", "health", "up", ""),
                        List.of("api", "detailed", "up", ""),
                        List.of("search", "cluster", "up", ""),
                        List.of("frontend", "page", "up", ""));
        assertThat(rows(cli)).allSatisfy(r -> assertThat(r.get(3)).matches("\\d+(\\.\\d)? ms"));
        assertThat(cli.out()).endsWith("4 checks, 0 failed\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void anApiThatIsDownExitsOneWithConnectionRefusedInItsRows() {
        demo.faults().inject(DemoService.API, new Fault.Down());

        Cli cli = check();

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        String api = demo.url(DemoService.API).toString();
        assertThat(rowsWithoutLatency(cli))
                .containsExactly(
                        List.of("api", "health", "DOWN", "connect: connection refused by " + api + "/health"),
                        List.of(
                                "api",
                                "detailed",
                                "DOWN",
                                "connect: connection refused by " + api + "/health/detailed"),
                        List.of("search", "cluster", "up", ""),
                        List.of("frontend", "page", "up", ""));
        assertThat(cli.out()).endsWith("4 checks, 2 failed\n");
    }

    @Test
    void aRedSearchClusterShowsTheFailedConditionAndTheValueSeen() {
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));

        Cli cli = check();

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        List<List<String>> rows = rowsWithoutLatency(cli);
        assertThat(rows.get(2))
                .containsExactly("search", "cluster", "DOWN", "assertion: cluster.status == \"green\" (seen \"red\")");
        // the API's own detailed health reports its search entry Unhealthy, and the row names the entry
        assertThat(rows.get(1))
                .containsExactly("api", "detailed", "DOWN", "status: unhealthy: search (seen \"Unhealthy\")");
        assertThat(rows.get(0)).containsExactly("api", "health", "up", "");
    }

    @Test
    void serviceOptionRunsOnlyThatServicesChecks() {
        demo.faults().inject(DemoService.API, new Fault.Down());

        Cli cli = check("--service", "search");

        assertThat(cli.exitCode())
                .as("the api is down but not checked: " + cli.transcript())
                .isZero();
        assertThat(rowsWithoutLatency(cli)).containsExactly(List.of("search", "cluster", "up", ""));
        assertThat(cli.out()).endsWith("1 check, 0 failed\n");
    }

    @Test
    void anUnknownServiceExitsTwoListingTheKnownServices() {
        Cli cli = check("--service", "nope");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .isEqualTo("--service nope: no such service in " + stackFile
                        + "; expected one of api, search, frontend\n");
    }

    @Test
    void jsonFormatIsValidJsonWithTheFailureObject() {
        demo.faults().inject(DemoService.SEARCH, new Fault.ClusterStatus("red"));

        Cli cli = check("--format", "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        JsonNode doc = JsonMapper.builder().build().readTree(cli.out());
        assertThat(doc.get("stack").asString()).isEqualTo("demo");
        assertThat(doc.get("healthy").asBoolean()).isFalse();
        assertThat(doc.get("checks").size()).isEqualTo(4);
        JsonNode search = doc.get("checks").get(2);
        assertThat(search.get("service").asString()).isEqualTo("search");
        assertThat(search.get("check").asString()).isEqualTo("cluster");
        assertThat(search.get("type").asString()).isEqualTo("elasticsearch");
        assertThat(search.get("target").asString())
                .isEqualTo(demo.url(DemoService.SEARCH).toString());
        assertThat(search.get("status").asString()).isEqualTo("down");
        assertThat(search.get("latency_ms").isNumber()).isTrue();
        JsonNode failure = search.get("failure");
        assertThat(failure.get("kind").asString()).isEqualTo("assertion");
        assertThat(failure.get("condition").asString()).isEqualTo("cluster.status == \"green\"");
        assertThat(failure.get("seen").asString()).isEqualTo("\"red\"");
        assertThat(failure.get("message").asString()).isEqualTo("expected cluster.status == \"green\"");
        JsonNode detailed = doc.get("checks").get(1).get("failure");
        assertThat(detailed.get("kind").asString()).isEqualTo("status");
        assertThat(detailed.get("message").asString()).isEqualTo("unhealthy: search");
        assertThat(detailed.get("seen").asString()).isEqualTo("\"Unhealthy\"");
        JsonNode frontend = doc.get("checks").get(3);
        assertThat(frontend.get("status").asString()).isEqualTo("up");
        assertThat(frontend.has("failure")).isFalse();
    }

    @Test
    void jsonFormatOfAHealthyStackSaysHealthy() {
        Cli cli = check("--format", "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(cli.out());
        assertThat(doc.get("healthy").asBoolean()).isTrue();
        assertThat(doc.get("checks").valueStream().map(c -> c.get("status").asString()))
                .containsOnly("up");
    }

    @Test
    void anInvalidStackFileExitsTwoWithItsErrorsAndRunsNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                stack: demo
                services:
                  api:
                    checks:
                      - name: health
                        http: {url: "%s/health"}
                        interval: soon
                """.formatted(demo.url(DemoService.API)));

        Cli cli = Cli.run("check", "--config", bad.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .isEqualTo(bad + ":7:19: services.api.checks[0].interval: invalid duration \"soon\"; expected a"
                        + " duration such as 30s, 5m, 1h30m\n1 error\n");
    }

    @Test
    void jsonFormatReportsAConfigErrorAsTextOnStandardErrorAndNothingOnStandardOutput() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad-json.yml"), "stack: demo\nservices: []\n");

        Cli cli = Cli.run("check", "--config", bad.toString(), "--format", "json");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .isEqualTo(
                        bad + ":2:11: services: wrong type: a list; expected a mapping of service names to services\n"
                                + "1 error\n");
    }

    @Test
    void anUnknownFormatIsAUsageErrorThatExitsTwo() {
        Cli cli = check("--format", "xml");

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(2);
        assertThat(cli.err()).contains("--format").contains("xml").contains("text, json");
    }

    @Test
    void aPostgresOnAWrongPortIsAConnectFailure() throws Exception {
        int port = ClosedPort.pick();
        Path file = Files.writeString(dir.resolve("wrong-port.yml"), """
                stack: data
                services:
                  db:
                    checks:
                      - name: ping
                        postgres: {url: "jdbc:postgresql://127.0.0.1:%d/test", user: postgres}
                """.formatted(port));

        Cli cli = Cli.run("check", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isEqualTo(1);
        List<String> row = rowsWithoutLatency(cli).getFirst();
        assertThat(row.subList(0, 3)).containsExactly("db", "ping", "DOWN");
        assertThat(row.get(3))
                .isEqualTo("connect: connection refused by jdbc:postgresql://127.0.0.1:" + port
                        + "/test (Connection refused)");
    }

    @Test
    void theLocalPostgresAndRedisAreUp() throws Exception {
        assumeTrue(
                LocalServers.answers(LocalServers.POSTGRES, LocalServers.DEFAULT_TIMEOUT),
                "start PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres, database test)");
        assumeTrue(
                LocalServers.answers(LocalServers.REDIS, LocalServers.DEFAULT_TIMEOUT),
                "start Redis on 127.0.0.1:6379");
        Path file = Files.writeString(dir.resolve("data.yml"), """
                stack: data
                services:
                  db:
                    checks:
                      - name: ping
                        postgres: {url: "jdbc:postgresql://127.0.0.1:5432/test", user: postgres, query: "select 1"}
                  cache:
                    checks:
                      - name: ping
                        redis: {url: "redis://127.0.0.1:6379"}
                """);

        Cli cli = Cli.run("check", "--config", file.toString());

        assertThat(cli.exitCode()).as(cli.transcript()).isZero();
        assertThat(rowsWithoutLatency(cli))
                .containsExactly(List.of("db", "ping", "up", ""), List.of("cache", "ping", "up", ""));
    }
}
