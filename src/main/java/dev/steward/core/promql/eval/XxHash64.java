package dev.steward.core.promql.eval;

import dev.steward.core.series.Labels;
import java.nio.charset.StandardCharsets;

/**
 * xxHash64 with seed 0, over a label set serialized as Prometheus 3 hashes it (each name and value preceded by its
 * length, the {@code stringlabels} encoding), so that sampling by hash ({@code limit_ratio}) picks the same series as
 * Prometheus.
 */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    static long hashLabels(Labels labels) {
        byte[] out = new byte[64];
        int n = 0;
        for (int i = 0; i < labels.size(); i++) {
            for (String str : new String[] {labels.nameAt(i), labels.valueAt(i)}) {
                byte[] b = str.getBytes(StandardCharsets.UTF_8);
                if (out.length < n + b.length + 4) {
                    out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + b.length + 4));
                }
                if (b.length < 255) {
                    out[n++] = (byte) b.length;
                } else {
                    out[n++] = (byte) 255;
                    out[n++] = (byte) b.length;
                    out[n++] = (byte) (b.length >> 8);
                    out[n++] = (byte) (b.length >> 16);
                }
                System.arraycopy(b, 0, out, n, b.length);
                n += b.length;
            }
        }
        return hash(java.util.Arrays.copyOf(out, n));
    }

    static long hash(byte[] b) {
        int len = b.length;
        int i = 0;
        long h;
        if (len >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            while (i + 32 <= len) {
                v1 = round(v1, read64(b, i));
                v2 = round(v2, read64(b, i + 8));
                v3 = round(v3, read64(b, i + 16));
                v4 = round(v4, read64(b, i + 24));
                i += 32;
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += len;
        while (i + 8 <= len) {
            h ^= round(0, read64(b, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= len) {
            h ^= (read32(b, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < len) {
            h ^= (b[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long acc, long val) {
        acc ^= round(0, val);
        return acc * P1 + P4;
    }

    private static long read64(byte[] b, int i) {
        long v = 0;
        for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b[i + k] & 0xFFL);
        }
        return v;
    }

    private static int read32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
