/**
 * Alertmanager's HTTP API v2 over Steward: silences ({@code /api/v2/silences}, {@code /api/v2/silence/{id}}), alert
 * intake from Prometheus ({@code POST /api/v2/alerts}), the list of received alerts and their groups ({@code GET /api/v2/alerts},
 * {@code /api/v2/alerts/groups}) and the status that {@code amtool} reads. {@link dev.steward.amapi.RoutedAlerts}
 * backs the alert endpoints with the routing loop, so they show real receivers, silences and inhibitions. JSON shapes follow Alertmanager's OpenAPI document. The rules of silences live in {@code
 * dev.steward.core.silence}; what happens to received alerts (routing, incidents) lies behind the {@link
 * dev.steward.amapi.AlertSink} port and is not here.
 */
package dev.steward.amapi;
