/**
 * Alert routing in Alertmanager's model, as pure functions of labels and time: label matchers ({@link
 * dev.steward.core.route.Matcher}), the route tree with inheritance and {@code continue} ({@link
 * dev.steward.core.route.Route}), inhibition rules ({@link dev.steward.core.route.InhibitRule}), muting by the API's silences ({@link
 * dev.steward.core.silence.Silences}), named time intervals
 * ({@link dev.steward.core.route.TimeInterval}) and aggregation groups deciding when a receiver is due a notification
 * ({@link dev.steward.core.route.GroupPolicy}). Nothing here reads a file or a clock: the configuration file is read in
 * {@code dev.steward.routefile}, and sending notifications belongs to the notifier adapters.
 */
package dev.steward.core.route;
