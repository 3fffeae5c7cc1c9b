package dev.steward.core.rule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * When a group evaluates, as Prometheus schedules it: on a grid of the group's interval, shifted by an offset derived
 * from a hash of the group's file and name, so that groups spread over the interval instead of all running at once,
 * and a group keeps its phase across restarts. (The hash is FNV-1a, not Prometheus's xxhash: the phases differ from a
 * Prometheus evaluating the same files.)
 */
public final class RuleSchedule {
    private RuleSchedule() {}

    /** The group's offset in its interval, in nanoseconds: {@code 0 <= offset < interval}. */
    public static long offsetNanos(RuleGroup group) {
        return Long.remainderUnsigned(hash(group), group.interval().toNanos());
    }

    /** The latest evaluation slot at or before {@code now}. */
    public static Instant slotAtOrBefore(RuleGroup group, Instant now) {
        long interval = group.interval().toNanos();
        long offset = offsetNanos(group);
        long nowNanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        long adjusted = nowNanos - offset;
        long base = adjusted - Math.floorMod(adjusted, interval);
        long slot = base + offset;
        return Instant.ofEpochSecond(Math.floorDiv(slot, 1_000_000_000L), Math.floorMod(slot, 1_000_000_000L));
    }

    /** The first evaluation slot strictly after {@code now}. */
    public static Instant nextAfter(RuleGroup group, Instant now) {
        return slotAtOrBefore(group, now).plus(group.interval());
    }

    private static long hash(RuleGroup group) {
        long h = 0xcbf29ce484222325L;
        for (String part : new String[] {"file", group.file(), "name", group.name()}) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            h = (h ^ 0xff) * 0x100000001b3L;
        }
        return h;
    }
}
