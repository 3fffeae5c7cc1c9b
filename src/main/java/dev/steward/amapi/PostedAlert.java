package dev.steward.amapi;

import dev.steward.core.series.Labels;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as Prometheus posts it, with Alertmanager's defaults applied: a missing start is the end (or the receipt
 * time), a missing end is the receipt time plus the resolve timeout, and then {@code endsAtDefaulted} is true.
 */
public record PostedAlert(
        Labels labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        boolean endsAtDefaulted,
        String generatorURL) {
    public PostedAlert {
        annotations = Map.copyOf(annotations);
        generatorURL = generatorURL == null ? "" : generatorURL;
    }

    /** Prometheus's fingerprint of the label set (FNV-1a 64 over sorted names and values), in 16 hex digits. */
    public String fingerprint() {
        return fingerprint(labels);
    }

    /** The fingerprint of any label set, as {@link #fingerprint()}. */
    public static String fingerprint(Labels labels) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < labels.size(); i++) {
            h = mix(h, labels.nameAt(i));
            h = mix(h, labels.valueAt(i));
        }
        return String.format("%016x", h);
    }

    private static long mix(long h, String s) {
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= 0xff;
        return h * 0x100000001b3L;
    }
}
