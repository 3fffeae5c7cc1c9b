/**
 * Prometheus's HTTP API on Steward ({@code /api/v1/query}, {@code /query_range}, {@code /series}, {@code /labels},
 * {@code /label/<name>/values}, {@code /rules}, {@code /alerts}, {@code /status/buildinfo}), with Prometheus's JSON
 * envelope and error types, so Grafana and {@code promtool query} can use Steward as a Prometheus. It parses
 * parameters and renders JSON; it reads data through the {@link dev.steward.promapi.PrometheusBackend} port.
 */
package dev.steward.promapi;
