package dev.steward.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.notify.Message.AlertLine;
import dev.steward.core.notify.MessageText.Style;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTextTest {
    static final Instant SINCE = Instant.parse("2028-02-29T23:48:00Z");
    static final Instant AT = Instant.parse("2028-03-01T00:00:30Z");

    static AlertLine firing(String instance, String value) {
        return new AlertLine(
                Map.of("alertname", "ApiDown", "service", "api", "instance", instance),
                Map.of("summary", "API does not answer", "runbook_url", "https://runbooks.example/api-down"),
                true,
                SINCE,
                Optional.empty(),
                Optional.of(value),
                Optional.of("http://steward:9090/graph"));
    }

    static Message message(MessageKind kind, List<AlertLine> alerts) {
        return new Message(
                kind,
                "inc-42",
                "API down",
                "critical",
                Map.of("alertname", "ApiDown", "service", "api"),
                SINCE,
                AT,
                alerts,
                Optional.of("https://steward.example/ack/inc-42?sig=abc"),
                Optional.empty());
    }

    @Test
    void subjectSaysKindCountSeverityWhatAndWhere() {
        Message m = message(MessageKind.TRIGGERED, List.of(firing("a:80", "0"), firing("b:80", "0")));

        assertThat(MessageText.subject(m)).isEqualTo("[TRIGGERED:2] critical: API down (service=api)");
    }

    @Test
    void subjectFallsBackToTheAlertNameWhenTheTitleIsBlank() {
        Message m = message(MessageKind.RESOLVED, List.of());
        Message untitled = new Message(
                m.kind(), m.incidentId(), "", "", m.groupLabels(), SINCE, AT, List.of(), m.ackUrl(), m.detail());

        assertThat(MessageText.subject(untitled)).isEqualTo("[RESOLVED] ApiDown (service=api)");
    }

    @Test
    void bodyTellsWhatWhereSinceWhenValueRunbookAndAckLink() {
        String body = MessageText.body(message(MessageKind.ESCALATED, List.of(firing("a:80", "0.93"))), Style.PLAIN);

        assertThat(body)
                .startsWith("ESCALATED: API down\n")
                .contains("Severity: critical")
                .contains("Where: service=api")
                .contains("Since: 2028-02-29T23:48:00Z (for 12m)")
                .contains("Acknowledge: https://steward.example/ack/inc-42?sig=abc")
                .contains("Runbook: https://runbooks.example/api-down")
                .contains("- [firing] ApiDown: API does not answer")
                .contains("instance=a:80, service=api")
                .contains("value 0.93");
    }

    @Test
    void markdownAndSlackStylesWriteLinksTheirOwnWay() {
        Message m = message(MessageKind.TRIGGERED, List.of(firing("a:80", "0")));

        assertThat(MessageText.body(m, Style.MARKDOWN))
                .contains("**Acknowledge:** [acknowledge](https://steward.example/ack/inc-42?sig=abc)");
        assertThat(MessageText.body(m, Style.SLACK))
                .contains("*Acknowledge:* <https://steward.example/ack/inc-42?sig=abc|acknowledge>");
    }

    @Test
    void resolvedAlertsSayHowLongTheyLasted() {
        AlertLine resolved = new AlertLine(
                Map.of("alertname", "ApiDown"),
                Map.of(),
                false,
                SINCE,
                Optional.of(SINCE.plusSeconds(125)),
                Optional.empty(),
                Optional.empty());

        String body = MessageText.body(message(MessageKind.RESOLVED, List.of(resolved)), Style.PLAIN);

        assertThat(body).contains("(0 firing, 1 resolved)").contains("(lasted 2m)");
        assertThat(MessageText.status(message(MessageKind.RESOLVED, List.of(resolved))))
                .isEqualTo("resolved");
    }

    @Test
    void durationsAreCoarseEnoughToReadAtAGlance() {
        assertThat(MessageText.duration(SINCE, SINCE.plusSeconds(45))).isEqualTo("45s");
        assertThat(MessageText.duration(SINCE, SINCE.plusSeconds(12 * 60 + 59))).isEqualTo("12m");
        assertThat(MessageText.duration(SINCE, SINCE.plusSeconds(3900 + 7))).isEqualTo("1h5m");
        assertThat(MessageText.duration(SINCE, SINCE.plusSeconds(3 * 86400 + 4 * 3600 + 120)))
                .isEqualTo("3d4h");
        assertThat(MessageText.duration(AT, SINCE)).isEqualTo("0s");
    }

    @Test
    void longAlertListsAreCutWithACount() {
        List<AlertLine> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(firing("host" + i + ":80", "1"));
        }

        String body = MessageText.body(message(MessageKind.TRIGGERED, many), Style.PLAIN);

        assertThat(body).contains("… and 5 more").doesNotContain("host24:80");
    }

    @Test
    void kindLabelsReadAsWords() {
        assertThat(MessageText.kindLabel(MessageKind.SILENCE_EXPIRING)).isEqualTo("SILENCE EXPIRING");
        assertThat(MessageText.isProblem(MessageKind.FLAPPING)).isTrue();
        assertThat(MessageText.isProblem(MessageKind.ACKNOWLEDGED)).isFalse();
    }
}
