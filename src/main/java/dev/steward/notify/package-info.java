/**
 * Notifier adapters: each turns a {@link dev.steward.core.notify.Message} into one channel's request and sends it. This
 * package holds the port ({@link dev.steward.notify.Notifier}), the factory that builds notifiers from an Alertmanager
 * receiver or a person's contact method ({@link dev.steward.notify.Notifiers}), their settings and strict reading of
 * them ({@link dev.steward.notify.Settings}, {@link dev.steward.notify.Globals}, {@link dev.steward.notify.ConfigMap}),
 * and the HTTP plumbing and failure vocabulary the HTTP notifiers share ({@link dev.steward.notify.HttpPost}); each
 * channel lives in its own sub-package. Storing, retrying and ordering belong to the outbox, not here.
 */
package dev.steward.notify;
