package dev.steward.core.route;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One node of a route tree as written in the configuration, before inheritance: an absent field takes the parent's
 * value ({@link Route#tree}). {@code groupBy} absent (or, as in Alertmanager, an empty list) inherits; a list holding
 * only {@code ...} groups by all labels. {@code matchers} already includes the legacy {@code match} and {@code
 * match_re} entries.
 */
public record RouteSpec(
        Optional<String> receiver,
        Optional<List<String>> groupBy,
        List<Matcher> matchers,
        boolean continueMatching,
        Optional<Duration> groupWait,
        Optional<Duration> groupInterval,
        Optional<Duration> repeatInterval,
        List<String> muteTimeIntervals,
        List<String> activeTimeIntervals,
        List<RouteSpec> routes) {
    public static final String GROUP_BY_ALL = "...";

    public RouteSpec {
        groupBy = groupBy.map(List::copyOf);
        matchers = List.copyOf(matchers);
        muteTimeIntervals = List.copyOf(muteTimeIntervals);
        activeTimeIntervals = List.copyOf(activeTimeIntervals);
        routes = List.copyOf(routes);
    }

    /** A node with only a receiver and matchers, for building trees by hand. */
    public static RouteSpec of(String receiver, List<Matcher> matchers, List<RouteSpec> routes) {
        return new RouteSpec(
                Optional.ofNullable(receiver),
                Optional.empty(),
                matchers,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                routes);
    }

    public RouteSpec withContinue(boolean c) {
        return new RouteSpec(
                receiver,
                groupBy,
                matchers,
                c,
                groupWait,
                groupInterval,
                repeatInterval,
                muteTimeIntervals,
                activeTimeIntervals,
                routes);
    }

    public RouteSpec withGroupBy(List<String> labels) {
        return new RouteSpec(
                receiver,
                Optional.of(labels),
                matchers,
                continueMatching,
                groupWait,
                groupInterval,
                repeatInterval,
                muteTimeIntervals,
                activeTimeIntervals,
                routes);
    }

    public RouteSpec withTimings(Duration wait, Duration interval, Duration repeat) {
        return new RouteSpec(
                receiver,
                groupBy,
                matchers,
                continueMatching,
                Optional.ofNullable(wait),
                Optional.ofNullable(interval),
                Optional.ofNullable(repeat),
                muteTimeIntervals,
                activeTimeIntervals,
                routes);
    }

    public RouteSpec withTimeIntervals(List<String> mute, List<String> active) {
        return new RouteSpec(
                receiver,
                groupBy,
                matchers,
                continueMatching,
                groupWait,
                groupInterval,
                repeatInterval,
                mute,
                active,
                routes);
    }
}
