/**
 * Notifier adapters: each turns a {@link dev.steward.core.notify.Message} into one channel's request (generic webhook
 * signed with HMAC-SHA256, Alertmanager's webhook shape, Slack incoming webhook, e-mail over SMTP, PagerDuty Events
 * v2) and sends it. Storing, retrying and ordering belong to the outbox, not here.
 */
package dev.steward.notify;
