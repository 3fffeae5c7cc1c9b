package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The documented encoding, pinned: these values were computed outside Steward (Python's hashlib and hmac over the
 * length-prefixed fields), so a change to the encoding, which would make every stored log fail, breaks this test.
 */
class AuditEncodingTest {
    static final Instant AT = Instant.parse("2026-11-24T10:00:00.123Z");

    @Test
    void aRecordHashesToTheValueAnIndependentImplementationComputes() {
        AuditRecord r = AuditChain.append(
                Optional.empty(),
                new AuditDraft(
                        AT, "alice", "10.0.0.1", "incident.ack", "incident/inc-1", "", "{\"state\":\"acknowledged\"}"));

        assertThat(r.hash()).isEqualTo("5a2d0f27989f5fc9c8d856649dc9b5a2f747121512f315e5b8c29ee3506dc101");
    }

    @Test
    void aCheckpointIsSignedAsAnIndependentImplementationSignsIt() {
        AuditRecord r = AuditChain.append(
                Optional.empty(),
                new AuditDraft(
                        AT, "alice", "10.0.0.1", "incident.ack", "incident/inc-1", "", "{\"state\":\"acknowledged\"}"));

        Checkpoint c = Checkpoint.sign(r, AT.plusSeconds(1), "k3y".getBytes(StandardCharsets.UTF_8));

        assertThat(c.signature()).isEqualTo("c77e1c6acc13f0f0320a872ddf02386a527818073cd54b5dc8c019ee165562e1");
        assertThat(c.isSignedWith("k3y".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void fieldsAreLengthPrefixedBigEndianUtf8() {
        byte[] bytes = AuditEncoding.checkpoint(7, "é", Instant.ofEpochMilli(5));

        assertThat(bytes)
                .startsWith(0, 0, 0, 26)
                .endsWith(0, 0, 0, 1, '7', 0, 0, 0, 2, (byte) 0xC3, (byte) 0xA9, 0, 0, 0, 1, '5');
    }
}
