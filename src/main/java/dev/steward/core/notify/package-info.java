/**
 * What a notification says, independent of how it travels: {@link dev.steward.core.notify.Message} (kind, incident,
 * title, the alerts with their values and links) and the pure rendering of it into readable text. Sending belongs to
 * the notifier adapters in {@code dev.steward.notify}; storing and retrying to the outbox.
 */
package dev.steward.core.notify;
