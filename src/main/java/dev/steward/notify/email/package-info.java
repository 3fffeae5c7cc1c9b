/**
 * The e-mail notifier: plain-text mail over SMTP with Angus Mail (STARTTLS or implicit TLS, optional login), the
 * idempotency key as {@code Message-ID}, and SMTP failures sorted into retryable or not.
 */
package dev.steward.notify.email;
