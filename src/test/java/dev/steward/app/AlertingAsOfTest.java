package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.route.Alert;
import dev.steward.core.route.GroupKey;
import dev.steward.core.route.Notification;
import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Notifications decided by routing at an earlier instant, seen by the incidents as of their own instant. */
class AlertingAsOfTest {
    private static final Instant T = Instant.parse("2026-12-31T23:59:59.900Z");
    private static final Labels L = Labels.of("alertname", "Down", "service", "api");
    private static final GroupKey G = new GroupKey("{}", L);

    @Test
    void anAlertWhoseEndPassedSinceRoutingDecidedIsResolvedForTheIncidents() {
        Alert endsSoon = new Alert(L, T.minusSeconds(60), Optional.of(T.plusMillis(50)));
        Notification n = new Notification("ops", G, L, List.of(endsSoon), List.of(), T);

        assertThat(Alerting.asOf(List.of(n), T.plusMillis(10))).containsExactly(n);
        List<Notification> later = Alerting.asOf(List.of(n), T.plusMillis(100));
        assertThat(later).hasSize(1);
        assertThat(later.getFirst().firing()).isEmpty();
        assertThat(later.getFirst().resolved()).containsExactly(endsSoon);
    }
}
