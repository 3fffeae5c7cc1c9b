package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.OPERATOR;
import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The maintenance page against a real daemon: calendar, active and upcoming windows, creating and ending one. */
class MaintenancePagesTest {
    // a Sunday inside the stack file's window, on the night Europe's clocks go forward
    private static final Instant T0 = Instant.parse("2027-03-28T02:30:00Z");
    private static final Map<String, String> UPGRADE =
            Map.of("title", "api upgrade", "services", "api", "duration", "90m", "reason", "new version");

    @TempDir
    Path dir;

    private ConsoleDaemon steward;

    @BeforeEach
    void start() throws Exception {
        steward = new ConsoleDaemon(dir, T0);
    }

    @AfterEach
    void stop() {
        steward.close();
    }

    @Test
    void theCalendarListsEveryOccurrenceOfTheNextFourWeeksAndTheActiveWindow() throws Exception {
        String page = steward.get("/ui/maintenance", VIEWER).body();
        assertThat(Pattern.compile("<div class=\"slot[^\"]*\">02:00–04:00 Sunday db window</div>")
                        .matcher(page)
                        .results()
                        .count())
                .isEqualTo(4);
        assertThat(page).contains("<div class=\"slot active\">02:00–04:00 Sunday db window");
        assertThat(page).contains("aria-current=\"date\"><div class=\"date\"><time datetime=\"2027-03-28\">");
        String active =
                page.substring(page.indexOf("data-testid=\"active\""), page.indexOf("data-testid=\"upcoming\""));
        assertThat(active)
                .contains("Sunday db window")
                .contains("until 2027-03-28 04:00 UTC")
                .contains("stack file");
        assertThat(active).doesNotContain("End<");
        assertThat(page).doesNotContain("New one-off window");
    }

    @Test
    void anOperatorCreatesAOneOffWindowAndEndsIt() throws Exception {
        HttpResponse<String> created = steward.form("/ui/maintenance", OPERATOR, UPGRADE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        JsonNode window = null;
        for (JsonNode w : steward.api("/api/v1/maintenance").path("windows")) {
            if (w.path("title").asString().equals("api upgrade")) {
                window = w;
            }
        }
        assertThat(window).isNotNull();
        assertThat(window.path("declared_by").asString()).isEqualTo(OPERATOR);
        assertThat(window.path("schedule").path("end").asString())
                .isEqualTo(T0.plusSeconds(5400).toString());
        assertThat(steward.api("/api/v1/audit")
                        .path("records")
                        .get(0)
                        .path("action")
                        .asString())
                .isEqualTo("maintenance.create");
        String id = window.path("id").asString();
        String page = steward.get("/ui/maintenance", OPERATOR).body();
        assertThat(page).contains("api upgrade").contains("/ui/maintenance/" + Paths.segment(id) + "/end");

        HttpResponse<String> ended = steward.form("/ui/maintenance/" + Paths.segment(id) + "/end", OPERATOR, Map.of());
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(steward.api("/api/v1/maintenance/" + id).path("ended_at").asString())
                .isEqualTo(T0.toString());
    }

    @Test
    void badInputComesBackWithEachFieldsMessageAndARefusedEndIsShown() throws Exception {
        HttpResponse<String> bad = steward.form("/ui/maintenance", OPERATOR, Map.of("title", "", "duration", "soon"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("id=\"m-services-error\"")
                .contains("id=\"m-duration-error\"")
                .contains("id=\"m-title-error\"")
                .contains("value=\"soon\"");
        HttpResponse<String> refused =
                steward.form("/ui/maintenance/" + Paths.segment("stack:sunday") + "/end", OPERATOR, Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("role=\"alert\"").contains("declared in the stack file");
    }

    @Test
    void aViewerIsRefusedAndAPostWithoutTheTokenIsRefused() throws Exception {
        assertThat(steward.form("/ui/maintenance", VIEWER, UPGRADE).statusCode())
                .isEqualTo(403);
        assertThat(steward.forged("/ui/maintenance", OPERATOR, UPGRADE).statusCode())
                .isEqualTo(403);
        assertThat(steward.api("/api/v1/maintenance").path("windows").toString())
                .doesNotContain("api upgrade");
    }
}
