package dev.steward.core.promql.conformance;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.parse.Durations;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Prometheus test script ({@code promqltest} format) into commands. Lines are trimmed, comments count as
 * blank lines, and a blank line ends the block of a {@code load} or {@code eval}, as in Prometheus's runner.
 */
final class ScriptParser {
    private static final Pattern LOAD = Pattern.compile("^load(?:_(with_nhcb))?\\s+(\\S+)$");
    private static final Pattern INSTANT =
            Pattern.compile("^eval(?:_(fail|warn|ordered|info))?\\s+instant\\s+(?:at\\s+(.+?))?\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile(
            "^eval(?:_(fail|warn|info))?\\s+range\\s+from\\s+(.+)\\s+to\\s+(.+)\\s+step\\s+(.+?)\\s+(.+)$");
    private static final Pattern EXPECT =
            Pattern.compile("^expect\\s+(ordered|fail|warn|no_warn|info|no_info)(?:\\s+(regex|msg):(.+))?$");

    private final String[] lines;
    private int i;

    private ScriptParser(String text) {
        lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String l = lines[k].trim();
            lines[k] = l.startsWith("#") ? "" : l;
        }
    }

    /** The commands of the script, or a parse error naming the line. */
    static List<Command> parse(String text) throws PromQLException {
        ScriptParser p = new ScriptParser(text);
        List<Command> out = new ArrayList<>();
        for (p.i = 0; p.i < p.lines.length; p.i++) {
            String l = p.lines[p.i];
            if (l.isEmpty()) {
                continue;
            }
            if (l.equals("clear")) {
                out.add(new Command.Clear(p.i + 1));
            } else if (l.startsWith("load")) {
                out.add(p.load());
            } else if (l.startsWith("eval")) {
                out.add(p.eval());
            } else {
                throw new PromQLException("line " + (p.i + 1) + ": unknown test command: " + l);
            }
        }
        return out;
    }

    private static long duration(String s, int line) throws PromQLException {
        try {
            return Durations.parseMillis(s.trim());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new PromQLException("line " + line + ": invalid duration \"" + s + "\": " + e.getMessage());
        }
    }

    private Command load() throws PromQLException {
        int line = i + 1;
        Matcher m = LOAD.matcher(lines[i]);
        if (!m.matches()) {
            throw new PromQLException("line " + line + ": invalid load command: " + lines[i]);
        }
        long step = duration(m.group(2), line);
        java.util.Map<Labels, Command.LoadedSeries> series = new java.util.LinkedHashMap<>();
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            String[] parts = SeriesNotation.split(lines[i]);
            Labels labels = SeriesNotation.labels(parts[0]);
            List<Double> values = SeriesNotation.values(parts[1]);
            List<Long> ts = new ArrayList<>();
            List<Double> vs = new ArrayList<>();
            boolean histograms = false;
            for (int k = 0; k < values.size(); k++) {
                Double v = values.get(k);
                if (v == null) {
                    continue;
                }
                if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(SeriesNotation.HISTOGRAM)) {
                    histograms = true;
                    continue;
                }
                ts.add(k * step);
                vs.add(v);
            }
            long[] t = new long[ts.size()];
            double[] f = new double[vs.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = ts.get(k);
                f[k] = vs.get(k);
            }
            series.remove(labels);
            series.put(labels, new Command.LoadedSeries(labels, t, f, histograms));
        }
        return new Command.Load(line, List.copyOf(series.values()), m.group(1) != null);
    }

    private Command eval() throws PromQLException {
        int line = i + 1;
        Matcher in = INSTANT.matcher(lines[i]);
        Matcher rn = RANGE.matcher(lines[i]);
        String mod;
        String query;
        boolean range;
        long start;
        long end;
        long step = 0;
        if (in.matches()) {
            mod = in.group(1);
            query = in.group(3);
            range = false;
            start = duration(in.group(2) == null ? "0" : in.group(2), line);
            end = start;
        } else if (rn.matches()) {
            mod = rn.group(1);
            query = rn.group(5);
            range = true;
            start = duration(rn.group(2), line);
            end = duration(rn.group(3), line);
            step = duration(rn.group(4), line);
        } else {
            throw new PromQLException("line " + line + ": invalid evaluation command: " + lines[i]);
        }
        boolean fail = "fail".equals(mod);
        boolean ordered = "ordered".equals(mod);
        List<Command.Expectation> expectations = new ArrayList<>();
        String failMessage = null;
        String failRegexp = null;
        List<Command.ExpectedSeries> expected = new ArrayList<>();
        Double scalar = null;
        boolean histograms = false;
        int position = 0;
        while (i + 1 < lines.length && !lines[i + 1].isEmpty()) {
            i++;
            String l = lines[i];
            if (fail && l.startsWith("expected_fail_message")) {
                failMessage = l.substring("expected_fail_message".length()).trim();
                break;
            }
            if (fail && l.startsWith("expected_fail_regexp")) {
                failRegexp = l.substring("expected_fail_regexp".length()).trim();
                break;
            }
            if (l.split(" ")[0].equals("expect")) {
                Matcher em = EXPECT.matcher(l);
                if (!em.matches()) {
                    throw new PromQLException("line " + (i + 1) + ": invalid expect statement: " + l);
                }
                String kind = em.group(1);
                String message = "msg".equals(em.group(2)) ? em.group(3).trim() : null;
                String regex = "regex".equals(em.group(2)) ? em.group(3).trim() : null;
                expectations.add(new Command.Expectation(kind, message, regex));
                continue;
            }
            Double number = scalarLine(l);
            if (number != null) {
                scalar = number;
                break;
            }
            position++;
            String[] parts = SeriesNotation.split(l);
            List<Double> values = SeriesNotation.values(parts[1]);
            for (Double v : values) {
                if (v != null
                        && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(SeriesNotation.HISTOGRAM)) {
                    histograms = true;
                }
            }
            expected.add(new Command.ExpectedSeries(SeriesNotation.labels(parts[0]), values, position));
        }
        for (Command.Expectation e : expectations) {
            fail |= e.kind().equals("fail");
            ordered |= e.kind().equals("ordered");
        }
        return new Command.Eval(
                line,
                query,
                range,
                start,
                end,
                step,
                fail,
                ordered,
                "warn".equals(mod),
                "info".equals(mod),
                expectations,
                failMessage,
                failRegexp,
                expected,
                scalar,
                histograms);
    }

    private static Double scalarLine(String l) {
        if (l.contains(" ") || l.contains("{")) {
            return null;
        }
        try {
            return SeriesNotation.number(l);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
