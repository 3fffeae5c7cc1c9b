package dev.steward.core.promql.parse;

import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints an expression back as PromQL in a canonical form close to Prometheus's ({@code sum by (job) (rate(x[5m]))}),
 * for {@code format_query}, rule listings and messages. Parsing the output gives the same tree.
 */
public final class Printer {
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern PLAIN_LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Printer() {}

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private static void print(Expr e, StringBuilder sb) {
        switch (e) {
            case Expr.NumberLiteral n -> sb.append(number(n.value()));
            case Expr.StringLiteral s -> sb.append(Utf8.quote(s.value()));
            case Expr.Paren p -> {
                sb.append('(');
                print(p.expr(), sb);
                sb.append(')');
            }
            case Expr.Unary u -> {
                sb.append(u.negate() ? '-' : '+');
                print(u.expr(), sb);
            }
            case Expr.VectorSelector vs -> {
                selector(vs, sb);
                modifiers(vs.offsetMillis(), vs.at(), vs.atMillis(), sb);
            }
            case Expr.MatrixSelector ms -> {
                selector(ms.selector(), sb);
                sb.append('[').append(Durations.format(ms.rangeMillis())).append(']');
                modifiers(
                        ms.selector().offsetMillis(),
                        ms.selector().at(),
                        ms.selector().atMillis(),
                        sb);
            }
            case Expr.Subquery sq -> {
                print(sq.expr(), sb);
                sb.append('[').append(Durations.format(sq.rangeMillis())).append(':');
                if (sq.stepMillis() > 0) {
                    sb.append(Durations.format(sq.stepMillis()));
                }
                sb.append(']');
                modifiers(sq.offsetMillis(), sq.at(), sq.atMillis(), sb);
            }
            case Expr.Call c -> {
                sb.append(c.function().name()).append('(');
                list(c.args(), sb);
                sb.append(')');
            }
            case Expr.Aggregate a -> aggregate(a, sb);
            case Expr.Binary b -> binary(b, sb);
        }
    }

    private static void list(List<Expr> args, StringBuilder sb) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            print(args.get(i), sb);
        }
    }

    private static void aggregate(Expr.Aggregate a, StringBuilder sb) {
        sb.append(a.op().keyword());
        if (a.without() || !a.grouping().isEmpty()) {
            sb.append(a.without() ? " without (" : " by (");
            labels(a.grouping(), sb);
            sb.append(") ");
        }
        sb.append('(');
        if (a.param() != null) {
            print(a.param(), sb);
            sb.append(", ");
        }
        print(a.expr(), sb);
        sb.append(')');
    }

    private static void binary(Expr.Binary b, StringBuilder sb) {
        print(b.lhs(), sb);
        sb.append(' ').append(b.op().symbol());
        if (b.returnBool()) {
            sb.append(" bool");
        }
        Expr.VectorMatching m = b.matching();
        if (m != null) {
            boolean grouping = m.cardinality() == Expr.VectorMatching.Cardinality.MANY_TO_ONE
                    || m.cardinality() == Expr.VectorMatching.Cardinality.ONE_TO_MANY;
            if (m.on() || !m.labels().isEmpty() || grouping) {
                sb.append(m.on() ? " on(" : " ignoring(");
                labels(m.labels(), sb);
                sb.append(')');
            }
            if (grouping) {
                sb.append(
                        m.cardinality() == Expr.VectorMatching.Cardinality.MANY_TO_ONE
                                ? " group_left("
                                : " group_right(");
                labels(m.include(), sb);
                sb.append(')');
            }
        }
        sb.append(' ');
        print(b.rhs(), sb);
    }

    private static void labels(List<String> names, StringBuilder sb) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            String n = names.get(i);
            sb.append(PLAIN_LABEL.matcher(n).matches() ? n : Utf8.quote(n));
        }
    }

    private static void selector(Expr.VectorSelector vs, StringBuilder sb) {
        String name = vs.name();
        for (LabelMatcher m : vs.matchers()) {
            if (name == null && m.name().equals(Labels.METRIC_NAME) && m.type() == LabelMatcher.Type.EQ) {
                name = m.value();
            }
        }
        boolean plainName = name != null && PLAIN_NAME.matcher(name).matches();
        if (plainName) {
            sb.append(name);
        }
        StringBuilder inner = new StringBuilder();
        if (name != null && !plainName) {
            inner.append(Utf8.quote(name));
        }
        boolean nameMatcherSkipped = false;
        for (LabelMatcher m : vs.matchers()) {
            if (name != null
                    && !nameMatcherSkipped
                    && m.name().equals(Labels.METRIC_NAME)
                    && m.type() == LabelMatcher.Type.EQ
                    && m.value().equals(name)) {
                nameMatcherSkipped = true;
                continue;
            }
            if (!inner.isEmpty()) {
                inner.append(", ");
            }
            String label = PLAIN_LABEL.matcher(m.name()).matches() ? m.name() : Utf8.quote(m.name());
            inner.append(label).append(m.type().symbol()).append(Utf8.quote(m.value()));
        }
        if (!inner.isEmpty() || name == null) {
            sb.append('{').append(inner).append('}');
        }
    }

    private static void modifiers(long offset, Expr.At at, long atMillis, StringBuilder sb) {
        if (offset != 0) {
            sb.append(" offset ").append(Durations.format(offset));
        }
        switch (at) {
            case TIME -> sb.append(" @ ").append(String.format(java.util.Locale.ROOT, "%.3f", atMillis / 1000.0));
            case START -> sb.append(" @ start()");
            case END -> sb.append(" @ end()");
            case NONE -> {}
        }
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Numbers.format(v);
    }
}
