/**
 * Alertmanager's HTTP API v2 over Steward: silences ({@code /api/v2/silences}, {@code /api/v2/silence/{id}}), alert
 * intake from Prometheus ({@code POST /api/v2/alerts}), the list of received alerts and the status that {@code amtool}
 * reads. JSON shapes follow Alertmanager's OpenAPI document. The rules of silences live in {@code
 * dev.steward.core.silence}; what happens to received alerts (routing, incidents) lies behind the {@link
 * dev.steward.amapi.AlertSink} port and is not here.
 */
package dev.steward.amapi;
