/**
 * Actuators: the adapters through which a deployment changes the world ({@link dev.steward.core.deploy.Actuator}),
 * one sub-package per technology (shell commands, an HTTP endpoint, Kubernetes, nginx and HAProxy weights). This
 * package holds the factory that builds a provider from its stack-file settings ({@link
 * dev.steward.actuate.Actuators}), what providers are built with ({@link dev.steward.actuate.ActuatorTools}) and the
 * decorator that measures each actuation on a monotonic ticker. Deciding which step comes next, when to roll back
 * and what is stored belongs to the deployment core and its runner, not here.
 */
package dev.steward.actuate;
