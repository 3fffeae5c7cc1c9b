package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.OPERATOR;
import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The silence pages against a real daemon: listing, creating through the form, expiring, and refusals. */
class SilencePagesTest {
    private static final Instant T0 = Instant.parse("2026-10-25T00:30:00Z");
    private static final Map<String, String> GOOD =
            Map.of("matchers", "alertname=\"DiskFull\"", "duration", "4h", "comment", "planned resize");

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
    void theFormCreatesASilenceByWhoIsLoggedInThroughTheAuditedRegistry() throws Exception {
        HttpResponse<String> r = steward.form("/ui/silences", OPERATOR, GOOD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/silences");
        JsonNode s = steward.api("/api/v2/silences").get(0);
        assertThat(s.path("createdBy").asString()).isEqualTo(OPERATOR);
        assertThat(s.path("comment").asString()).isEqualTo("planned resize");
        assertThat(s.path("endsAt").asString())
                .isEqualTo(T0.plusSeconds(4 * 3600).toString());
        assertThat(steward.api("/api/v1/audit")
                        .path("records")
                        .get(0)
                        .path("action")
                        .asString())
                .isEqualTo("silence.create");
        String list = steward.get("/ui/silences", VIEWER).body();
        assertThat(list)
                .contains("Active (1)")
                .contains(Html.text("alertname=\"DiskFull\""))
                .contains("planned resize");
        assertThat(list).doesNotContain("Expire<");
    }

    @Test
    void expiringMovesTheSilenceToExpired() throws Exception {
        steward.form("/ui/silences", OPERATOR, GOOD);
        String id = steward.api("/api/v2/silences").get(0).path("id").asString();
        assertThat(steward.get("/ui/silences", OPERATOR).body()).contains("/ui/silences/" + id + "/expire");
        HttpResponse<String> r = steward.form("/ui/silences/" + id + "/expire", OPERATOR, Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(steward.api("/api/v2/silence/" + id)
                        .path("status")
                        .path("state")
                        .asString())
                .isEqualTo("expired");
        assertThat(steward.get("/ui/silences", OPERATOR).body())
                .contains("Expired (1)")
                .contains("Active (0)");
        assertThat(steward.form("/ui/silences/nope/expire", OPERATOR, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputComesBackAsTheFormWithEachFieldsMessage() throws Exception {
        HttpResponse<String> r = steward.form(
                "/ui/silences",
                OPERATOR,
                Map.of("matchers", "alertname=\"DiskFull\"\n===", "duration", "4h", "comment", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("id=\"s-matchers-error\"")
                .contains("not a matcher: ===")
                .contains("id=\"s-comment-error\"")
                .contains(Html.text("alertname=\"DiskFull\"\n==="));
        HttpResponse<String> past = steward.form(
                "/ui/silences",
                OPERATOR,
                Map.of("matchers", "alertname=\"DiskFull\"", "end", "2026-10-24T10:00", "comment", "late"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"s-end-error\"").contains("not in the past");
        assertThat(steward.api("/api/v2/silences")).isEmpty();
    }

    @Test
    void aViewerGetsNoFormAndIsRefusedAndAPostWithoutTheTokenIsRefused() throws Exception {
        assertThat(steward.get("/ui/silences/new", VIEWER).body()).contains("data-testid=\"read-only\"");
        assertThat(steward.form("/ui/silences", VIEWER, GOOD).statusCode()).isEqualTo(403);
        assertThat(steward.forged("/ui/silences", OPERATOR, GOOD).statusCode()).isEqualTo(403);
        assertThat(steward.api("/api/v2/silences")).isEmpty();
    }
}
