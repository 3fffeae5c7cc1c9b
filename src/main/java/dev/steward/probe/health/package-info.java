/**
 * The {@code health} probe: fetches a health endpoint over HTTP (with the shared {@code HttpFetcher}) and reads its
 * document as Spring Boot Actuator JSON, ASP.NET Core HealthChecks UI JSON or ASP.NET Core's plain-text default, one
 * {@link dev.steward.core.probe.ComponentStatus} per component. It reports what the document says; deciding whether
 * that is healthy enough is the core's job.
 */
package dev.steward.probe.health;
