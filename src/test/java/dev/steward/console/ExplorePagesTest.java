package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explore page against a real daemon's probe series: chart data, the table of latest values, query errors. */
class ExplorePagesTest {
    private static final Instant T0 = Instant.parse("2026-12-31T23:30:00Z");

    @TempDir
    Path dir;

    private ConsoleDaemon steward;

    @BeforeEach
    void start() throws Exception {
        steward = new ConsoleDaemon(dir, T0);
        // every check probes once within its interval (1h), at an offset of its own
        Instant until = T0.plusSeconds(3600);
        Instant last = T0;
        for (var next = steward.daemon.nextDue();
                next.isPresent() && next.get().isBefore(until);
                next = steward.daemon.nextDue()) {
            last = next.get();
            steward.clock.set(last);
            steward.daemon.tick();
        }
        // the instant query looks back 5 minutes: ask just after the last probe
        steward.clock.set(last.plusSeconds(1));
    }

    @AfterEach
    void stop() {
        steward.close();
    }

    private HttpResponse<String> explore(String query, String range) throws Exception {
        return steward.get(
                "/ui/explore?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&range=" + range, VIEWER);
    }

    @Test
    void withoutAQueryTheBoxIsFocusedBySlash() throws Exception {
        String page = steward.get("/ui/explore", VIEWER).body();
        assertThat(page).contains("data-focus-key=\"/\"").doesNotContain("chart-data");
    }

    @Test
    void aQueryGivesChartDataAndATableOfLatestValues() throws Exception {
        HttpResponse<String> r = explore("max_over_time(probe_success[1h])", "1h");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<script type=\"application/json\" id=\"chart-data\">{\"t\":[")
                .contains("\"label\":\"{check=")
                .contains("service=\\\"api\\\"")
                .contains("data-chart=\"series\"")
                .containsPattern("<code>\\{[^<]*service=\"db\"")
                .contains("<td>0</td>")
                .contains("Latest values (2)")
                .contains("selected>1h<");
    }

    @Test
    void aQueryThatDoesNotParseShowsTheParsersMessage() throws Exception {
        HttpResponse<String> r = explore("sum(probe_success", "1h");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("role=\"alert\"")
                .contains("data-testid=\"query-error\">bad_data: ")
                .contains(Html.text("sum(probe_success"))
                .doesNotContain("chart-data");
    }

    @Test
    void aScriptInALabelCannotCloseTheEmbeddedJson() throws Exception {
        HttpResponse<String> r = explore("label_replace(probe_success, \"x\", \"</script><b>\", \"\", \"\")", "1h");
        String data = r.body().substring(r.body().indexOf("id=\"chart-data\">"));
        data = data.substring(0, data.indexOf("</script>"));
        assertThat(data).contains("\\u003c/script>\\u003cb>");
    }
}
