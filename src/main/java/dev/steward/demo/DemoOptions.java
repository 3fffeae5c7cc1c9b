package dev.steward.demo;

import java.time.Duration;

/**
 * How to start the demo stack.
 *
 * @param basePort 0 for ephemeral ports; otherwise api listens on {@code basePort}, search on {@code basePort + 1},
 *     frontend on {@code basePort + 2}, checkout on {@code basePort + 3}
 * @param trafficEvery how often the traffic generator calls {@code /api/documents}; zero turns it off
 */
public record DemoOptions(int basePort, Duration trafficEvery) {

    public static final Duration DEFAULT_TRAFFIC_EVERY = Duration.ofMillis(250);

    public DemoOptions {
        if (basePort != 0 && (basePort < 1 || basePort > 65535 - 3)) {
            throw new IllegalArgumentException("basePort must be 0 (ephemeral) or 1..65532, was " + basePort);
        }
        if (trafficEvery.isNegative()) {
            throw new IllegalArgumentException("trafficEvery must not be negative, was " + trafficEvery);
        }
    }

    /** Ephemeral ports, traffic four times a second. */
    public static DemoOptions defaults() {
        return new DemoOptions(0, DEFAULT_TRAFFIC_EVERY);
    }

    public DemoOptions withBasePort(int port) {
        return new DemoOptions(port, trafficEvery);
    }

    public DemoOptions withoutTraffic() {
        return new DemoOptions(basePort, Duration.ZERO);
    }

    int checkoutPort() {
        return basePort == 0 ? 0 : basePort + 3;
    }

    int portOf(DemoService service) {
        return basePort == 0 ? 0 : basePort + service.ordinal();
    }
}
