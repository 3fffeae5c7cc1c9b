/**
 * Progressive deployments, pure: the {@code deploy:} configuration of a service (provider, strategy, gates, analysis
 * templates, environments), the plan a strategy compiles to, the deployment state machine with its published
 * transition table, gate verdicts (threshold analysis and the Mann-Whitney canary-versus-baseline test) and {@link
 * dev.steward.core.deploy.DeploymentPolicy}, which steps a deployment given observations and {@code now}. No IO and no
 * clock: the ports through which the world is changed ({@link dev.steward.core.deploy.Actuator}) and stored ({@link
 * dev.steward.core.deploy.DeploymentStore}) live here, their adapters elsewhere.
 */
package dev.steward.core.deploy;
