package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.DirectExecutorService;
import dev.steward.testing.ManualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview page reports its server time, measured with the daemon's ticker, in a Server-Timing header and in
 * /metrics; /metrics also counts the open live streams and the updates sent.
 */
class ConsoleServerTimingTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong ticks = new AtomicLong();
    private Daemon daemon;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        Path stack = Files.writeString(dir.resolve("stack.yml"), """
                stack: shop
                services:
                  web:
                    checks:
                      - {name: home, http: {url: "http://127.0.0.1:9/"}}
                """);
        DaemonOptions options = new DaemonOptions(
                stack,
                dir.resolve("data"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "127.0.0.1",
                0,
                DaemonOptions.DEFAULT_RETENTION,
                DaemonOptions.DEFAULT_BUDGET);
        // every reading of the ticker is 7.5 ms after the previous one
        var wiring = new Daemon.Wiring(
                new ManualClock(Instant.parse("2028-02-29T12:00:00Z")),
                () -> ticks.addAndGet(7_500_000),
                new DirectExecutorService(),
                false);
        daemon = ((Daemon.Started.Running) Daemon.start(options, cfg -> {}, wiring)).daemon();
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void theOverviewSendsItsServerTimeAndMetricsSumIt() throws Exception {
        HttpResponse<String> page = get("/ui");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Server-Timing")).contains("render;dur=7.500");
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Overview · Steward · shop</title>");
        get("/ui");

        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("# TYPE steward_console_render_seconds summary")
                .contains("steward_console_render_seconds_count 2")
                .contains("steward_console_render_seconds_sum 0.015")
                .contains("steward_console_render_max_seconds 0.0075")
                .contains("steward_console_viewers 0")
                .contains("steward_console_updates_total 0");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
