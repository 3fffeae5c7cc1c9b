package dev.steward.amapi;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplest {@link AlertSink} and {@link AlertSource}: keeps the latest version of each alert by label set, with
 * one receiver name for all. Nothing is routed or inhibited; it serves tests and a daemon without routing.
 */
public final class InMemoryAlertBuffer implements AlertSink, AlertSource {
    private final String receiver;
    private final Map<Labels, HeldAlert> byLabels = new LinkedHashMap<>();

    public InMemoryAlertBuffer(String receiver) {
        this.receiver = receiver;
    }

    @Override
    public synchronized void receive(List<PostedAlert> alerts, Instant receivedAt) {
        for (PostedAlert a : alerts) {
            byLabels.put(a.labels(), new HeldAlert(a, receivedAt, List.of(receiver), List.of()));
        }
    }

    @Override
    public synchronized List<HeldAlert> alerts() {
        return List.copyOf(new ArrayList<>(byLabels.values()));
    }
}
