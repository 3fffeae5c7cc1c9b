package dev.steward.core.outbox;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages and entries for the outbox tests: every field set, instants on whole milliseconds (what stores keep). */
public final class OutboxFixtures {
    /** The last day of a leap February, an awkward start. */
    public static final Instant T0 = Instant.parse("2028-02-29T23:59:58.250Z");

    private OutboxFixtures() {}

    public static Message message(String incident, int n) {
        return new Message(
                MessageKind.TRIGGERED,
                incident,
                "[" + incident + "] message " + n,
                "critical",
                Map.of("service", "api", "alertname", "HighErrorRate"),
                T0.minusSeconds(60),
                T0,
                List.of(
                        new Message.AlertLine(
                                Map.of("alertname", "HighErrorRate", "instance", "api-1"),
                                Map.of("summary", "5xx above 5%", "runbook_url", "https://runbooks/api"),
                                true,
                                T0.minusSeconds(60),
                                Optional.empty(),
                                Optional.of("0.071"),
                                Optional.of("http://prom:9090/graph?g0.expr=x")),
                        new Message.AlertLine(
                                Map.of("alertname", "HighErrorRate", "instance", "api-2"),
                                Map.of(),
                                false,
                                T0.minusSeconds(120),
                                Optional.of(T0.minusSeconds(5)),
                                Optional.empty(),
                                Optional.empty())),
                Optional.of("https://steward/ack?token=abc"),
                Optional.of("message number " + n));
    }

    public static OutboxEntry entry(String channel, String incident, int n, Instant createdAt) {
        return OutboxEntry.create(channel + "/" + incident + "/" + n, channel, message(incident, n), createdAt);
    }
}
