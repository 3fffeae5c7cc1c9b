package dev.steward.amapi;

import java.time.Instant;
import java.util.List;

/** Where alerts posted to {@code /api/v2/alerts} go once they are valid: routing, incidents, notifications. */
public interface AlertSink {
    void receive(List<PostedAlert> alerts, Instant receivedAt);
}
