package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.OPERATOR;
import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit page against a real daemon: changes made through the console and the API, paging, verification. */
class AuditPagesTest {
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

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

    private void silenceThroughTheApi(int n) throws Exception {
        String body = "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"A" + n
                + "\",\"isRegex\":false}],\"endsAt\":\"2027-01-01T02:00:00Z\",\"createdBy\":\"api-user\",\"comment\":\"c\"}";
        assertThat(steward.send("POST", "/api/v2/silences", OPERATOR, "application/json", body, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void showsWhoDidWhatNewestFirstWithBeforeAndAfter() throws Exception {
        String incident = steward.fire("DiskFull", "api");
        steward.htmx("/ui/incidents/" + incident + "/ack", OPERATOR, Map.of());
        silenceThroughTheApi(1);
        String page = steward.get("/ui/audit", VIEWER).body();
        assertThat(page).contains("<code>silence.create</code>").contains("<code>incident.ack</code>");
        assertThat(page.indexOf("<code>silence.create</code>")).isLessThan(page.indexOf("<code>incident.ack</code>"));
        assertThat(page)
                .contains("incident/" + incident)
                .contains("<td>olga</td>")
                .contains("<td>api-user</td>");
        assertThat(page)
                .contains(Html.text("\"state\":\"triggered\""))
                .contains(Html.text("\"state\":\"acknowledged\""));
        assertThat(page).doesNotContain("data-testid=\"verdict\"");
        String filtered = steward.get("/ui/audit?action=incident.ack", VIEWER).body();
        assertThat(filtered).contains("incident.ack</code>").doesNotContain("silence.create</code>");
    }

    @Test
    void pagesOlderRecordsAndVerifiesTheChainWhenAsked() throws Exception {
        for (int i = 1; i <= AuditPages.PAGE + 3; i++) {
            silenceThroughTheApi(i);
        }
        String first = steward.get("/ui/audit", VIEWER).body();
        assertThat(first).contains("<td>" + (AuditPages.PAGE + 3) + "</td>").doesNotContain("<td>3</td>");
        assertThat(first).contains("href=\"/ui/audit?before=4\" rel=\"next\">Older<");
        String older = steward.get("/ui/audit?before=4", VIEWER).body();
        assertThat(older).contains("<td>3</td>").contains("<td>1</td>").doesNotContain("rel=\"next\"");
        String verified = steward.get("/ui/audit?verify=1", VIEWER).body();
        assertThat(verified)
                .contains("data-testid=\"verdict\"")
                .contains("<span class=\"badge up\">intact</span>")
                .contains("<dd>" + (AuditPages.PAGE + 3) + "</dd>");
    }
}
