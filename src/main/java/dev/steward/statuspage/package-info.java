/**
 * The public status page over HTTP: the registry of public incidents (stored before any answer, changes reported to
 * a listener for the audit log), the page model with 90-day uptime bars and scheduled maintenance, the anonymous
 * routes ({@code /status} rendered by a precompiled JTE template, the JSON Feed and Atom feeds, {@code GET
 * /api/v1/status-page}) and the operator routes that create, publish, update and discard public incidents. What is
 * decided (component statuses, drafts, legal transitions, uptime) lives in {@code dev.steward.core.statuspage}.
 */
package dev.steward.statuspage;
