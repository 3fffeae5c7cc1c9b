package dev.steward.core.deploy;

/** The port through which a deployment changes the world: one call per step, blocking, bounded by the provider's timeout. */
public interface Actuator {
    Actuation.Result apply(Actuation request);
}
