package dev.steward.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    static final byte[] BODY = "{\"kind\":\"triggered\"}".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2028-02-29T12:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signatureIsHmacSha256OfTimestampDotBodyInHex() {
        // echo -n '1700000000.{"kind":"triggered"}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", 1700000000L, BODY))
                .isEqualTo("sha256=ef221a75a20edd1d6cf506c9fb6e635df5ad649c5fa276ba5d509d854428fd67");
    }

    @Test
    void verifiesAFreshSignatureAndRefusesTamperingOrReplay() {
        long ts = NOW.getEpochSecond();
        String sig = WebhookSignature.sign("key", ts, BODY);
        String t = Long.toString(ts);

        assertThat(WebhookSignature.verify("key", t, sig, BODY, NOW.plusSeconds(60), FIVE_MINUTES))
                .isTrue();
        assertThat(WebhookSignature.verify("other", t, sig, BODY, NOW, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("key", t, sig, "{}".getBytes(), NOW, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("key", Long.toString(ts + 1), sig, BODY, NOW, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("key", t, sig, BODY, NOW.plus(Duration.ofMinutes(6)), FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("key", "soon", sig, BODY, NOW, FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify("key", t, null, BODY, NOW, FIVE_MINUTES))
                .isFalse();
    }
}
