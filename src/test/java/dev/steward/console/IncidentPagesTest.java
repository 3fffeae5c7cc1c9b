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

/** The incident pages against a real daemon: what they show, and commands made through them. */
class IncidentPagesTest {
    private static final Instant T0 = Instant.parse("2026-12-31T23:58:00Z");

    @TempDir
    Path dir;

    private ConsoleDaemon steward;
    private String incident;

    @BeforeEach
    void start() throws Exception {
        steward = new ConsoleDaemon(dir, T0);
        incident = steward.fire("DiskFull", "api");
    }

    @AfterEach
    void stop() {
        steward.close();
    }

    @Test
    void theListShowsOpenIncidentsAndFiltersByStateAndService() throws Exception {
        String open = steward.get("/ui/incidents", VIEWER).body();
        assertThat(open)
                .contains("DiskFull")
                .contains("/ui/incidents/" + incident)
                .contains("triggered");
        assertThat(steward.get("/ui/incidents?service=db", VIEWER).body()).doesNotContain("DiskFull");
        assertThat(steward.get("/ui/incidents?state=resolved", VIEWER).body()).contains("No incident matches");
    }

    @Test
    void theDetailShowsStateSeverityAlertsAndTheTimeline() throws Exception {
        HttpResponse<String> r = steward.get("/ui/incidents/" + incident, VIEWER);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("data-testid=\"incident-state\">triggered<")
                .contains("critical")
                .contains("alertname=DiskFull")
                .contains("service=api")
                .contains("data-testid=\"timeline\"");
        JsonNode timeline = steward.api("/api/v1/incidents/" + incident).path("timeline");
        for (JsonNode e : timeline) {
            assertThat(r.body()).contains(Html.text(e.path("event").asString()));
        }
    }

    @Test
    void anOperatorAcknowledgesThroughHtmxAndGetsTheSectionBack() throws Exception {
        HttpResponse<String> r = steward.htmx("/ui/incidents/" + incident + "/ack", OPERATOR, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("<section id=\"incident\"")
                .contains(">acknowledged<")
                .contains("by olga");
        JsonNode i = steward.api("/api/v1/incidents/" + incident);
        assertThat(i.path("state").asString()).isEqualTo("acknowledged");
        assertThat(i.path("acknowledgedBy").asString()).isEqualTo(OPERATOR);
        JsonNode audit = steward.api("/api/v1/audit").path("records");
        assertThat(audit.get(0).path("action").asString()).isEqualTo("incident.ack");
        assertThat(audit.get(0).path("actor").asString()).isEqualTo(OPERATOR);
    }

    @Test
    void aPlainFormPostActsAndRedirectsBackToTheIncident() throws Exception {
        HttpResponse<String> r = steward.form("/ui/incidents/" + incident + "/resolve", OPERATOR, Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/ui/incidents/" + incident);
        assertThat(steward.api("/api/v1/incidents/" + incident)
                        .path("resolvedBy")
                        .asString())
                .isEqualTo(OPERATOR);
    }

    @Test
    void aRefusedCommandIsShownInThePageWithTheCoresReason() throws Exception {
        steward.htmx("/ui/incidents/" + incident + "/resolve", OPERATOR, Map.of());
        HttpResponse<String> r = steward.htmx("/ui/incidents/" + incident + "/ack", OPERATOR, Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body())
                .contains("role=\"alert\"")
                .contains("cannot acknowledge")
                .contains(">resolved<");
        // the re-rendered section offers only what a resolved incident takes: a note
        assertThat(r.body())
                .doesNotContain("Acknowledge</button>")
                .doesNotContain("Resolve</button>")
                .contains("Add note");
    }

    @Test
    void snoozeAndNoteChangeTheIncidentAndBadInputComesBackWithTheFieldsMessage() throws Exception {
        HttpResponse<String> bad =
                steward.htmx("/ui/incidents/" + incident + "/snooze", OPERATOR, Map.of("until", "tomorrow"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"snooze-until-error\"").contains("aria-invalid=\"true\"");
        HttpResponse<String> empty = steward.htmx("/ui/incidents/" + incident + "/note", OPERATOR, Map.of("text", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"note-text-error\"").contains("write the note");

        assertThat(steward.htmx("/ui/incidents/" + incident + "/snooze", OPERATOR, Map.of("for", "2h"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> noted =
                steward.htmx("/ui/incidents/" + incident + "/note", OPERATOR, Map.of("text", "disk <cleaned> by hand"));
        assertThat(noted.body()).contains("disk &lt;cleaned&gt; by hand");
        JsonNode i = steward.api("/api/v1/incidents/" + incident);
        assertThat(i.path("state").asString()).isEqualTo("snoozed");
        assertThat(i.path("snoozedUntil").asString())
                .isEqualTo(T0.plusSeconds(7200).toString());
        assertThat(i.path("notes").get(0).path("by").asString()).isEqualTo(OPERATOR);
    }

    @Test
    void aViewerSeesNoButtonsAndIsRefusedAndAPostWithoutTheTokenIsRefused() throws Exception {
        assertThat(steward.get("/ui/incidents/" + incident, VIEWER).body())
                .doesNotContain("Acknowledge")
                .doesNotContain("/note\"");
        assertThat(steward.get("/ui/incidents/" + incident, OPERATOR).body()).contains("Acknowledge");
        assertThat(steward.htmx("/ui/incidents/" + incident + "/ack", VIEWER, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(steward.forged("/ui/incidents/" + incident + "/ack", OPERATOR, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(steward.api("/api/v1/incidents/" + incident).path("state").asString())
                .isEqualTo("triggered");
    }

    @Test
    void anUnknownIncidentIsNotFound() throws Exception {
        assertThat(steward.get("/ui/incidents/nope", VIEWER).statusCode()).isEqualTo(404);
    }
}
