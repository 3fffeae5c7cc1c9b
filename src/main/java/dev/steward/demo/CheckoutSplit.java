package dev.steward.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * The checkout service's traffic split, held in memory: a stable version, and while a deployment runs a canary version
 * receiving {@code weight} percent of requests. Requests are spread evenly (request {@code n} goes to the canary when
 * {@code floor((n + 1) * w / 100) > floor(n * w / 100)}), so a weight of 20 sends exactly one request in five.
 *
 * <p>The demo's rule for a bad build: a version whose name contains {@code bad} (any case) answers 503 to every fifth
 * request it serves, an error rate of 20 %.
 */
final class CheckoutSplit {

    /** Who answers a request. */
    record Route(String role, String version, boolean fails) {}

    private String stable;
    private String canary;
    private int weight;
    private long requests;
    private long canaryServed;
    private long stableServed;

    CheckoutSplit(String stable) {
        this.stable = stable;
    }

    static boolean isBad(String version) {
        return version.toLowerCase(Locale.ROOT).contains("bad");
    }

    synchronized Route next() {
        long n = requests++;
        boolean toCanary = canary != null && (n + 1) * weight / 100 > n * weight / 100;
        if (toCanary) {
            return new Route("canary", canary, isBad(canary) && ++canaryServed % 5 == 0);
        }
        return new Route("stable", stable, isBad(stable) && ++stableServed % 5 == 0);
    }

    /** A new canary at {@code weight} percent. */
    synchronized void deploy(String version, int weight) {
        this.canary = version;
        this.canaryServed = 0;
        this.weight = weight;
    }

    synchronized void setWeight(int weight) {
        this.weight = weight;
    }

    /** The canary becomes the stable version and takes all traffic. */
    synchronized void promote() {
        if (canary != null) {
            stable = canary;
            stableServed = canaryServed;
        }
        canary = null;
        weight = 0;
    }

    /** The canary is dropped; {@code to}, when given, becomes the stable version. */
    synchronized void rollback(Optional<String> to) {
        to.filter(v -> !v.isBlank()).ifPresent(v -> {
            if (!v.equals(stable)) {
                stable = v;
                stableServed = 0;
            }
        });
        canary = null;
        weight = 0;
    }

    synchronized String stable() {
        return stable;
    }

    synchronized Optional<String> canary() {
        return Optional.ofNullable(canary);
    }

    synchronized int weight() {
        return weight;
    }
}
