package dev.steward.core.promql.conformance;

import dev.steward.core.promql.PromQLException;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Numbers;
import dev.steward.core.promql.parse.Parser;
import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import dev.steward.core.series.StaleMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series notation of Prometheus test scripts: {@code name{label="v"} 1+2x3 _ stale _x2 {{histogram}}}.
 * Expanded values are returned as boxed doubles with {@code null} for an omitted step, since scripts are small. Public for the rule unit tests ({@code steward test-rules}), whose
 * {@code input_series} use the same notation.
 */
public final class SeriesNotation {
    /** A value token that is a native histogram ({@code {{...}}}), expanded to this marker. */
    public static final double HISTOGRAM = Double.longBitsToDouble(0x7ff8_0000_0000_4848L);

    private static final Pattern REPEAT = Pattern.compile("^(.*?)x(\\d+)$");

    private SeriesNotation() {}

    /** Splits a line into its descriptor and the rest (the values). */
    static String[] split(String line) {
        int i = 0;
        boolean inQuote = false;
        char quote = 0;
        int depth = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuote) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inQuote = false;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                inQuote = true;
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (Character.isWhitespace(c) && depth == 0) {
                break;
            }
        }
        return new String[] {line.substring(0, i), line.substring(i).trim()};
    }

    /** The labels of a series descriptor such as {@code up{job="x"}} or {@code {__name__="up"}}; only {@code =}. */
    public static Labels labels(String descriptor) throws PromQLException {
        String d = descriptor.trim();
        if (d.equals("{}")) {
            return Labels.EMPTY;
        }
        Expr e = Parser.parse(d);
        if (!(e instanceof Expr.VectorSelector vs)) {
            throw new PromQLException("not a series descriptor: " + descriptor);
        }
        Labels.Builder b = Labels.builder();
        for (LabelMatcher m : vs.matchers()) {
            if (m.type() != LabelMatcher.Type.EQ) {
                throw new PromQLException("series descriptor may only use '=': " + descriptor);
            }
            b.add(m.name(), m.value());
        }
        return b.build();
    }

    /** Expands the values notation; histograms become {@link #HISTOGRAM}, omitted steps null. */
    public static List<Double> values(String text) {
        List<Double> out = new ArrayList<>();
        for (String tok : tokens(text)) {
            expand(tok, out);
        }
        return out;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            if (text.startsWith("{{", i)) {
                int close = text.indexOf("}}", i);
                i = close < 0 ? text.length() : close + 2;
                while (i < text.length() && (text.startsWith("+{{", i) || text.startsWith("-{{", i))) {
                    close = text.indexOf("}}", i);
                    i = close < 0 ? text.length() : close + 2;
                }
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    private static void expand(String tok, List<Double> out) {
        if (tok.startsWith("{{")) {
            int close = tok.lastIndexOf("}}");
            String rest = tok.substring(close + 2);
            int n = 0;
            if (rest.startsWith("x")) {
                n = Integer.parseInt(rest.substring(1));
            } else if (rest.startsWith("+") || rest.startsWith("-")) {
                n = Integer.parseInt(rest.substring(rest.indexOf('x') + 1));
            }
            for (int k = 0; k <= n; k++) {
                out.add(HISTOGRAM);
            }
            return;
        }
        if (tok.equals("_")) {
            out.add(null);
            return;
        }
        if (tok.equals("stale")) {
            out.add(StaleMarker.VALUE);
            return;
        }
        Matcher m = REPEAT.matcher(tok);
        if (m.matches()) {
            String head = m.group(1);
            int n = Integer.parseInt(m.group(2));
            if (head.equals("_")) {
                for (int k = 0; k < n; k++) {
                    out.add(null);
                }
                return;
            }
            if (head.equals("stale")) {
                for (int k = 0; k <= n; k++) {
                    out.add(StaleMarker.VALUE);
                }
                return;
            }
            int op = operatorIndex(head);
            double start = number(op < 0 ? head : head.substring(0, op));
            double delta = op < 0 ? 0 : number(head.substring(op + 1)) * (head.charAt(op) == '-' ? -1 : 1);
            double cur = start;
            out.add(cur);
            for (int k = 0; k < n; k++) {
                cur += delta;
                out.add(cur);
            }
            return;
        }
        out.add(number(tok));
    }

    /** The index of the + or - between the start value and the increment, or -1. */
    private static int operatorIndex(String s) {
        for (int i = s.length() - 1; i > 0; i--) {
            char c = s.charAt(i);
            if ((c == '+' || c == '-') && Character.toLowerCase(s.charAt(i - 1)) != 'e') {
                return i;
            }
        }
        return -1;
    }

    static double number(String s) {
        return Numbers.parse(s);
    }
}
