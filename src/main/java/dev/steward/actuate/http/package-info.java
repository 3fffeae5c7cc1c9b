/**
 * The {@code http} provider: each deployment step is POSTed as JSON to one endpoint (a deployment API, a CI trigger,
 * a home-made agent), signed with HMAC-SHA256 exactly as Steward's webhooks are, carrying an idempotency key, and
 * retried only when a retry can help (429, 5xx, connection failures). What the endpoint does with it is its own
 * business; any 2xx means the step was applied.
 */
package dev.steward.actuate.http;
