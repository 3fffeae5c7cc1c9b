/**
 * Steward's HTTP interface on Javalin: {@code /health} (anonymous, Actuator style), {@code /metrics} (Prometheus text),
 * {@code /api/v1/...} (JSON) and {@code /-/reload}. Routes are plain code; errors are mapped to statuses in one place
 * ({@link dev.steward.api.ApiServer}). It reads the daemon through the {@link dev.steward.api.ApiBackend} port.
 * {@code /api/v1/maintenance} is a mountable {@link dev.steward.api.MaintenanceApi} over the
 * {@link dev.steward.api.MaintenanceBackend} port, which {@link dev.steward.api.MaintenanceRegistry} implements.
 */
package dev.steward.api;
