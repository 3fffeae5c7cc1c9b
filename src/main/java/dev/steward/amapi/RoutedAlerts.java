package dev.steward.amapi;

import dev.steward.core.route.Alert;
import dev.steward.engine.RouteLoop;
import dev.steward.engine.RouteView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API's alerts backed by routing: posted alerts go to the {@link RouteLoop}, and {@code GET /api/v2/alerts} shows
 * what it holds with each alert's real receivers and the alert inhibiting it. An alert without a known end (one the
 * rule evaluator keeps firing) is shown ending {@code resolveTimeout} from now, as Alertmanager shows an alert
 * Prometheus keeps re-sending. The generator URL is not kept by routing and is shown empty.
 */
public final class RoutedAlerts implements AlertSink, AlertSource {
    private final RouteLoop loop;
    private final InstantSource clock;
    private final Duration resolveTimeout;

    public RoutedAlerts(RouteLoop loop, InstantSource clock, Duration resolveTimeout) {
        this.loop = loop;
        this.clock = clock;
        this.resolveTimeout = resolveTimeout;
    }

    @Override
    public void receive(List<PostedAlert> alerts, Instant receivedAt) {
        List<Alert> routed = new ArrayList<>(alerts.size());
        for (PostedAlert a : alerts) {
            routed.add(new Alert(a.labels(), a.startsAt(), Optional.of(a.endsAt()), a.annotations()));
        }
        loop.receive(routed, receivedAt);
    }

    @Override
    public List<HeldAlert> alerts() {
        Instant now = clock.instant();
        List<HeldAlert> out = new ArrayList<>();
        for (RouteView.AlertView v : loop.alerts(now)) {
            out.add(held(v, now));
        }
        return out;
    }

    @Override
    public List<HeldGroup> groups() {
        Instant now = clock.instant();
        List<HeldGroup> out = new ArrayList<>();
        for (RouteView.GroupView g : loop.groups(now)) {
            out.add(new HeldGroup(
                    g.groupLabels(),
                    g.receiver(),
                    g.alerts().stream().map(v -> held(v, now)).toList()));
        }
        return out;
    }

    private HeldAlert held(RouteView.AlertView v, Instant now) {
        Alert a = v.alert();
        PostedAlert posted = new PostedAlert(
                a.labels(),
                a.annotations(),
                a.startsAt(),
                a.endsAt().orElse(now.plus(resolveTimeout)),
                a.endsAt().isEmpty(),
                "");
        List<String> inhibitedBy =
                v.inhibitedBy().map(PostedAlert::fingerprint).stream().toList();
        return new HeldAlert(posted, v.updatedAt(), v.receivers(), inhibitedBy);
    }
}
