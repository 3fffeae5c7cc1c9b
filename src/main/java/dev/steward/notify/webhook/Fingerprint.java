package dev.steward.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus's fingerprint of a label set (FNV-1a 64 over the sorted names and values, each followed by 0xff), in 16
 * hex digits: the same value Alertmanager puts in its webhooks, so receivers that deduplicate by it keep working.
 */
final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {}

    static String of(Map<String, String> labels) {
        long h = OFFSET;
        for (var e : new TreeMap<>(labels).entrySet()) {
            h = mix(h, e.getKey());
            h = mix(h, e.getValue());
        }
        return String.format("%016x", h);
    }

    private static long mix(long h, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= PRIME;
        }
        h ^= 0xff;
        return h * PRIME;
    }
}
