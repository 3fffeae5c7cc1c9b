package dev.steward.core.deploy;

/** The port through which a deployment changes the world: one call per step, blocking, bounded by the provider's timeout. */
public interface Actuator {
    Actuation.Result apply(Actuation request);

    /**
     * How this provider moves traffic or instances to the new version of {@code service}, as a deployment's plan
     * states it ("nginx upstream weights in /etc/nginx/checkout.conf", "replica ratio: ...").
     */
    default String traffic(String service) {
        return "left to the provider";
    }
}
