/**
 * The generic webhook notifier: JSON in Steward's shape or Alertmanager's (version 4), signed with HMAC-SHA256 over
 * timestamp and body ({@link dev.steward.notify.webhook.WebhookSignature}, which receivers can use to verify), keyed
 * with an {@code Idempotency-Key} header. Retries and storage are the outbox's.
 */
package dev.steward.notify.webhook;
