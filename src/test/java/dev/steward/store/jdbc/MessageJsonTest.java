package dev.steward.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.notify.Message;
import dev.steward.core.notify.MessageKind;
import dev.steward.core.outbox.OutboxFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
    @Test
    void aMessageWithEveryFieldSetReadsBackEqual() {
        Message m = OutboxFixtures.message("inc-42", 7);

        assertThat(MessageJson.read(MessageJson.write(m))).isEqualTo(m);
    }

    @Test
    void aMinimalMessageWithNanosecondsAndUnicodeReadsBackEqual() {
        Message m = new Message(
                MessageKind.RESOLVED,
                "inc-\"1\"",
                "Résolu: ☃ back\nline two",
                "",
                Map.of(),
                Instant.parse("2027-12-31T23:59:59.123456789Z"),
                Instant.parse("2028-01-01T00:00:00Z"),
                List.of(),
                Optional.empty(),
                Optional.empty());

        assertThat(MessageJson.read(MessageJson.write(m))).isEqualTo(m);
    }

    @Test
    void equalMessagesGiveEqualTextWhateverTheMapOrder() {
        Message m = OutboxFixtures.message("inc-42", 7);

        assertThat(MessageJson.write(m)).isEqualTo(MessageJson.write(MessageJson.read(MessageJson.write(m))));
        assertThat(MessageJson.write(m))
                .contains("\"groupLabels\":{\"alertname\":\"HighErrorRate\",\"service\":\"api\"}");
    }
}
