package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedLinksTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2028-02-29T23:59:30Z");
    private final SignedLinks links = new SignedLinks(KEY, "https://steward.example.com/");

    @Test
    void aLinkCarriesTheIncidentAndActionUntilItExpires() {
        String link = links.link("inc-42", "ack", NOW);
        assertThat(link).startsWith("https://steward.example.com/act/");
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(links.verify(token, NOW.plusSeconds(60))).hasValueSatisfying(g -> {
            assertThat(g.incidentId()).isEqualTo("inc-42");
            assertThat(g.action()).isEqualTo("ack");
        });
        assertThat(links.verify(token, NOW.plus(SignedLinks.VALIDITY))).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAlteredIsRefused() {
        String token = links.token("inc-42", "ack", NOW.plusSeconds(3600));
        SignedLinks other =
                new SignedLinks("another key, 32 bytes long......".getBytes(StandardCharsets.US_ASCII), "x");
        String forgedPayload =
                links.token("inc-43", "ack", NOW.plusSeconds(3600)).split("\\.")[0] + "." + token.split("\\.")[1];

        assertThat(other.verify(token, NOW)).isEmpty();
        assertThat(links.verify(forgedPayload, NOW)).isEmpty();
        assertThat(links.verify("garbage", NOW)).isEmpty();
        assertThat(links.verify("!!!.???", NOW)).isEmpty();
        assertThat(links.verify(token, NOW)).isPresent();
    }
}
