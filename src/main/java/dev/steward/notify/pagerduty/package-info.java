/**
 * The PagerDuty notifier for the Events API v2: message kinds become trigger, acknowledge or resolve events on one
 * dedup key per incident, with Steward's severities mapped to PagerDuty's four.
 */
package dev.steward.notify.pagerduty;
