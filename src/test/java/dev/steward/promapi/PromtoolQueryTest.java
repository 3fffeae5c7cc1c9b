package dev.steward.promapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Prometheus's own client, {@code promtool query}, against Steward's Prometheus API. */
class PromtoolQueryTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static Javalin app;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        assumeTrue(
                Files.isExecutable(PROMTOOL),
                "promtool not found at /usr/bin/promtool: install the prometheus package");
        app = PrometheusApiTest.serve(PrometheusApiTest.store());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static String url() {
        return "http://127.0.0.1:" + app.port();
    }

    private static Run promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString(), "query"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void instantQueryPrintsEachSample() throws Exception {
        Run r = promtool("instant", url(), "up{job=\"api\"}", "--time=1764000000");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("up{instance=\"a\", job=\"api\"} => 1 @[1764000000]\n"
                        + "up{instance=\"b\", job=\"api\"} => 0 @[1764000000]\n");
    }

    @Test
    void instantQueryAsJsonCarriesTheValue() throws Exception {
        Run r = promtool("instant", "-o", "json", url(), "sum(up)", "--time=1764000000");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"value\":[1764000000,\"2\"]");
    }

    @Test
    void rangeQueryPrintsEachPointOfEachSeries() throws Exception {
        Run r = promtool(
                "range", url(), "http_requests_total - 500", "--start=1763999970", "--end=1764000000", "--step=15s");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("{instance=\"a\", job=\"api\"} =>\n"
                        + "70 @[1763999970]\n"
                        + "85 @[1763999985]\n"
                        + "100 @[1764000000]\n");
    }

    @Test
    void seriesPrintsEveryMatchingSeries() throws Exception {
        Run r = promtool("series", url(), "--match=up{job=\"db\"}", "--match=temperature_celsius");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("{__name__=\"temperature_celsius\", room=\"lab\"}\n"
                        + "{__name__=\"up\", instance=\"c\", job=\"db\"}\n");
    }

    @Test
    void labelsPrintsTheValuesOfALabel() throws Exception {
        Run r = promtool("labels", url(), "instance");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("a\nb\nc\n");
    }

    @Test
    void aQueryErrorMakesPromtoolFail() throws Exception {
        Run r = promtool("instant", url(), "sum(up", "--time=1764000000");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("bad_data");
    }
}
