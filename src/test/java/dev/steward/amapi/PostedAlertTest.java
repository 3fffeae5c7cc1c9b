package dev.steward.amapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostedAlertTest {
    private static PostedAlert alert(Labels labels) {
        Instant t = Instant.parse("2026-11-24T09:29:18Z");
        return new PostedAlert(labels, Map.of(), t, t, false, null);
    }

    /** The expected values are what Debian's Alertmanager 0.25 reported for the same label sets. */
    @Test
    void fingerprintAgreesWithAlertmanager() {
        assertThat(alert(Labels.of("alertname", "DiskFull", "instance", "db1")).fingerprint())
                .isEqualTo("353eae6a3b60c986");
        assertThat(alert(Labels.of("alertname", "Up", "job", "api", "zone", "ü"))
                        .fingerprint())
                .isEqualTo("1cc132818efd77e3");
    }
}
