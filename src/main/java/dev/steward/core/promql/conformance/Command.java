package dev.steward.core.promql.conformance;

import dev.steward.core.series.Labels;
import java.util.List;

/** One command of a Prometheus test script. */
sealed interface Command {
    /** {@code load <step>}: series with their samples; histogram samples are recorded, not loaded. */
    record Load(int line, List<LoadedSeries> series, boolean withNhcb) implements Command {}

    record Clear(int line) implements Command {}

    /**
     * {@code eval instant|range}: the query, its times, what is expected, and the flags of the command.
     *
     * @param expected expected series (labels to values per step, null for an omitted step); empty for no result
     * @param scalar the expected scalar, or null when a vector or matrix is expected
     */
    record Eval(
            int line,
            String query,
            boolean range,
            long start,
            long end,
            long step,
            boolean fail,
            boolean ordered,
            boolean warn,
            boolean info,
            List<Expectation> expectations,
            String failMessage,
            String failRegexp,
            List<ExpectedSeries> expected,
            Double scalar,
            boolean usesNativeHistograms)
            implements Command {}

    /** A series of a load: its labels, its float samples and whether it also had native histogram samples. */
    record LoadedSeries(Labels labels, long[] timestamps, double[] values, boolean hasHistograms) {}

    /** Expected values of one series, one per step ({@code null} where the step has none). */
    record ExpectedSeries(Labels labels, List<Double> values, int position) {}

    /** {@code expect fail|warn|no_warn|info|no_info|ordered [msg:|regex: text]}. */
    record Expectation(String kind, String message, String regex) {
        boolean matches(String actual) {
            if (message != null) {
                return message.equals(actual);
            }
            if (regex != null) {
                return java.util.regex.Pattern.compile(regex).matcher(actual).find();
            }
            return true;
        }
    }
}
