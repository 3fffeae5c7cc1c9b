package dev.steward.core.rule;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A group of rules evaluated together, in order, every {@code interval}.
 *
 * @param file where the group was defined (a rule file's path, or the stack file for inline groups); with {@code
 *     name} it identifies the group (two files may have groups of the same name)
 * @param interval the evaluation interval ({@link #DEFAULT_INTERVAL} when the file gives none)
 * @param limit the most series a recording rule and the most alerts an alerting rule may produce; 0 for no limit
 * @param queryOffset how far in the past rules query (and their samples are stamped), for late-arriving data
 * @param labels the group's {@code labels}; the loader has already merged them into every rule's labels (a rule's own
 *     label wins), they are kept here for display
 */
public record RuleGroup(
        String name,
        String file,
        Duration interval,
        int limit,
        Duration queryOffset,
        Map<String, String> labels,
        List<Rule> rules) {

    /** Prometheus's default {@code evaluation_interval}. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    public RuleGroup {
        labels = Map.copyOf(labels);
        rules = List.copyOf(rules);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a group's interval must be positive, got " + interval);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("a group's limit cannot be negative, got " + limit);
        }
    }

    /** A group with the default interval, no limit, no offset, no labels. */
    public static RuleGroup of(String name, String file, List<Rule> rules) {
        return new RuleGroup(name, file, DEFAULT_INTERVAL, 0, Duration.ZERO, Map.of(), rules);
    }
}
