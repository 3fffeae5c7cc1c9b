package dev.steward.console;

import static dev.steward.console.ConsoleDaemon.OPERATOR;
import static dev.steward.console.ConsoleDaemon.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts page against a real daemon: routed alerts, their receivers, and silencing one from its row. */
class AlertPagesTest {
    private static final Instant T0 = Instant.parse("2028-02-29T09:15:00Z");

    @TempDir
    Path dir;

    private ConsoleDaemon steward;

    @BeforeEach
    void start() throws Exception {
        steward = new ConsoleDaemon(dir, T0);
        steward.fire("DiskFull", "api");
    }

    @AfterEach
    void stop() {
        steward.close();
    }

    @Test
    void showsEachAlertFiringWithItsLabelsReceiversAndASilenceLinkPrefilledFromItsLabels() throws Exception {
        String page = steward.get("/ui/alerts", OPERATOR).body();
        assertThat(page)
                .contains(">firing<")
                .contains("alertname=DiskFull")
                .contains("<div>ops</div>")
                .contains("1 firing, 0 suppressed");
        String href = AlertPages.silenceHref(
                new TreeMap<>(Map.of("alertname", "DiskFull", "service", "api", "severity", "critical")));
        assertThat(page).contains(Html.text(href));
        String form = steward.get(href, OPERATOR).body();
        assertThat(form).contains(Html.text("alertname=\"DiskFull\"\nservice=\"api\"\nseverity=\"critical\""));
    }

    @Test
    void aSilenceMadeFromTheLinkSuppressesTheAlertAndSaysWhich() throws Exception {
        var created = steward.form(
                "/ui/silences",
                OPERATOR,
                Map.of("matchers", "alertname=\"DiskFull\"\nservice=\"api\"", "duration", "2h", "comment", "resizing"));
        assertThat(created.statusCode()).isEqualTo(303);
        String id = steward.api("/api/v2/silences").get(0).path("id").asString();
        String page = steward.get("/ui/alerts", VIEWER).body();
        assertThat(page)
                .contains(">suppressed<")
                .contains("0 firing, 1 suppressed")
                .contains("silence-" + id);
        assertThat(steward.get("/ui/silences", VIEWER).body()).contains(">1 alert</a>");
    }

    @Test
    void aViewerHasNoSilenceLink() throws Exception {
        assertThat(steward.get("/ui/alerts", VIEWER).body())
                .contains("DiskFull")
                .doesNotContain("Silence…");
    }
}
