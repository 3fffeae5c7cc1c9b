package dev.steward.actuate.proxy;

import dev.steward.core.deploy.Actuation;
import java.util.List;
import java.util.Optional;

/**
 * The share of traffic, in percent, of the stable and canary pools, and the per-server weights that give it.
 *
 * @param canaryPercent 0 to 100; the stable pool gets the rest
 */
record Weights(int canaryPercent) {
    Weights {
        canaryPercent = Math.clamp(canaryPercent, 0, 100);
    }

    int stablePercent() {
        return 100 - canaryPercent;
    }

    /**
     * The weights an action sets: {@code set_weight} its weight, and so does {@code deploy} when it has one (the first
     * step of a canary, "deploy, 10 % of traffic"); {@code switch} and {@code promote} everything to the canary pool;
     * {@code rollback} everything to the stable pool; the others, and {@code deploy} at 0 %, leave the weights alone.
     */
    static Optional<Weights> forAction(Actuation request) {
        return switch (request.action()) {
            case SET_WEIGHT -> Optional.of(new Weights(request.weightPercent()));
            case DEPLOY ->
                request.weightPercent() > 0 ? Optional.of(new Weights(request.weightPercent())) : Optional.empty();
            case SWITCH, PROMOTE -> Optional.of(new Weights(100));
            case ROLLBACK -> Optional.of(new Weights(0));
            case SCALE_CANARY, CLEANUP -> Optional.empty();
        };
    }

    /**
     * Per-server weights {stable, canary} such that each pool's total is in proportion to its percentage, whatever the
     * number of servers in each, reduced by their common divisor and, when one exceeds {@code max}, scaled down to fit
     * (then the split is approximate; a pool with a share keeps at least weight 1).
     */
    List<Integer> perServer(int stableServers, int canaryServers, int max) {
        long s = (long) stablePercent() * canaryServers;
        long c = (long) canaryPercent * stableServers;
        long g = gcd(s, c);
        if (g > 0) {
            s /= g;
            c /= g;
        }
        long top = Math.max(s, c);
        if (top > max) {
            s = scaled(s, top, max);
            c = scaled(c, top, max);
        }
        return List.of((int) s, (int) c);
    }

    private static long scaled(long w, long top, int max) {
        return w == 0 ? 0 : Math.max(1, Math.round((double) w * max / top));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
