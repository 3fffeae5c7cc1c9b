/**
 * The Slack notifier for incoming webhooks: the subject as text, the body in an attachment coloured by the message's
 * state, with buttons to acknowledge and to the runbook. Alertmanager's Go templates are not evaluated here.
 */
package dev.steward.notify.slack;
