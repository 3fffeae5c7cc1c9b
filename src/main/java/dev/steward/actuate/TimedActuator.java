package dev.steward.actuate;

import dev.steward.core.deploy.Actuation;
import dev.steward.core.deploy.Actuator;
import java.time.Duration;

/**
 * Measures how long each actuation took, on a monotonic {@link Ticker}, and records it in {@link
 * Actuation.Result.Applied#took()}: providers do the work, this decorator owns the measurement, so every provider
 * measures the same span (the whole call, waits for readiness and retries included).
 */
public final class TimedActuator implements Actuator, AutoCloseable {
    private final Actuator inner;
    private final Ticker ticker;

    public TimedActuator(Actuator inner, Ticker ticker) {
        this.inner = inner;
        this.ticker = ticker;
    }

    @Override
    public Actuation.Result apply(Actuation request) {
        long start = ticker.read();
        Actuation.Result result = inner.apply(request);
        Duration took = Duration.ofNanos(Math.max(0, ticker.read() - start));
        return switch (result) {
            case Actuation.Result.Applied a -> new Actuation.Result.Applied(took, a.output());
            case Actuation.Result.Failed f -> f;
        };
    }

    @Override
    public String traffic(String service) {
        return inner.traffic(service);
    }

    /** Releases what the provider holds (the Kubernetes client's connections); the others hold nothing. */
    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable c) {
            c.close();
        }
    }

    /** The provider this decorator measures. */
    public Actuator inner() {
        return inner;
    }
}
