/**
 * The public status page, decided without IO: each component's public status derived from its services' check states
 * and maintenance, the incidents Steward proposes (drafts) or publishes when a component gets worse, the "resolved"
 * update it proposes when everything recovers, the operator commands on public incidents checked against a table of
 * legal transitions, and daily uptime over 90 days from hourly rollups. Pure: every function takes {@code Instant now}.
 */
package dev.steward.core.statuspage;
