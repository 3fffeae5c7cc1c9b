package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.BinaryOp;
import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Expr.VectorMatching.Cardinality;
import dev.steward.core.promql.parse.ValueType;
import dev.steward.core.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binary operators between scalars and vectors, with vector matching and set operators, as in Prometheus. */
final class BinaryOperations {
    private BinaryOperations() {}

    static List<Series> eval(Evaluator ev, Expr.Binary b) {
        ValueType lt = b.lhs().type();
        ValueType rt = b.rhs().type();
        List<Expr> args = List.of(b.lhs(), b.rhs());
        BinaryOp op = b.op();
        if (lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            return ev.rangeEval(
                    (v, ts) -> List.of(new Element(
                            Labels.EMPTY,
                            scalarOp(op, v.get(0).get(0).f(), v.get(1).get(0).f()),
                            false)),
                    args);
        }
        if (lt == ValueType.VECTOR && rt == ValueType.VECTOR) {
            Signatures sig = new Signatures(b.matching());
            return switch (op) {
                case AND -> ev.rangeEval((v, ts) -> and(v.get(0), v.get(1), sig), args);
                case OR -> ev.rangeEval((v, ts) -> or(v.get(0), v.get(1), sig), args);
                case UNLESS -> ev.rangeEval((v, ts) -> unless(v.get(0), v.get(1), sig), args);
                default -> ev.rangeEval((v, ts) -> vectorOp(op, v.get(0), v.get(1), b, sig), args);
            };
        }
        boolean swap = lt == ValueType.SCALAR;
        return ev.rangeEval(
                (v, ts) -> swap
                        ? vectorScalar(op, v.get(1), v.get(0).get(0).f(), true, b.returnBool())
                        : vectorScalar(op, v.get(0), v.get(1).get(0).f(), false, b.returnBool()),
                args);
    }

    /** The matching signature of a series, cached per label set since the same series recur at every step. */
    static final class Signatures {
        private final Expr.VectorMatching matching;
        private final Map<Labels, Labels> cache = new HashMap<>();
        private final String[] ignored;

        Signatures(Expr.VectorMatching matching) {
            this.matching = matching;
            List<String> names = new ArrayList<>(matching.labels());
            names.add(Labels.METRIC_NAME);
            this.ignored = names.toArray(String[]::new);
        }

        Labels of(Labels l) {
            return cache.computeIfAbsent(l, this::compute);
        }

        private Labels compute(Labels l) {
            if (matching.on()) {
                Labels.Builder b = Labels.builder();
                for (String name : matching.labels()) {
                    String v = l.get(name);
                    if (v != null) {
                        b.add(name, v);
                    }
                }
                return b.build();
            }
            return l.without(ignored);
        }
    }

    static double goPow(double x, double y) {
        if (x == 1 || y == 0) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }

    static double scalarOp(BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> goPow(l, r);
            case MOD -> l % r;
            case ATAN2 -> Math.atan2(l, r);
            case EQL -> l == r ? 1 : 0;
            case NEQ -> l != r ? 1 : 0;
            case GTR -> l > r ? 1 : 0;
            case LSS -> l < r ? 1 : 0;
            case GTE -> l >= r ? 1 : 0;
            case LTE -> l <= r ? 1 : 0;
            default -> throw new EvalError("operator \"" + op.symbol() + "\" not allowed for Scalar operations");
        };
    }

    /** Whether a comparison holds; for arithmetic always true. */
    static boolean keeps(BinaryOp op, double l, double r) {
        return switch (op) {
            case EQL -> l == r;
            case NEQ -> l != r;
            case GTR -> l > r;
            case LSS -> l < r;
            case GTE -> l >= r;
            case LTE -> l <= r;
            default -> true;
        };
    }

    static boolean changesSchema(BinaryOp op) {
        return !op.isComparison() && !op.isSetOperator();
    }

    private static List<Element> vectorScalar(
            BinaryOp op, List<Element> vec, double scalar, boolean swap, boolean bool) {
        List<Element> out = new ArrayList<>(vec.size());
        for (Element e : vec) {
            double l = swap ? scalar : e.f();
            double r = swap ? e.f() : scalar;
            double value = op.isComparison() ? e.f() : scalarOp(op, l, r);
            boolean keep = keeps(op, l, r);
            if (bool) {
                value = keep ? 1 : 0;
                keep = true;
            }
            if (keep) {
                out.add(new Element(e.metric(), value, e.dropName() || changesSchema(op) || bool));
            }
        }
        return out;
    }

    private static List<Element> vectorOp(
            BinaryOp op, List<Element> lhs, List<Element> rhs, Expr.Binary b, Signatures sig) {
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return List.of();
        }
        Expr.VectorMatching m = b.matching();
        boolean swapSides = m.cardinality() == Cardinality.ONE_TO_MANY;
        List<Element> many = swapSides ? rhs : lhs;
        List<Element> one = swapSides ? lhs : rhs;
        Map<Labels, Element> oneBySig = new HashMap<>();
        for (Element rs : one) {
            Labels s = sig.of(rs.metric());
            Element dup = oneBySig.put(s, rs);
            if (dup != null) {
                String side = swapSides ? "left" : "right";
                throw new EvalError("found duplicate series for the match group " + s + " on the " + side
                        + " hand-side of the operation: [" + rs.metric() + ", " + dup.metric()
                        + "];many-to-many matching not allowed: matching labels must be unique on one side");
            }
        }
        Map<Labels, Set<Labels>> matched = new HashMap<>();
        List<Element> out = new ArrayList<>();
        for (Element ls : many) {
            Labels s = sig.of(ls.metric());
            Element rs = oneBySig.get(s);
            if (rs == null) {
                continue;
            }
            double fl = swapSides ? rs.f() : ls.f();
            double fr = swapSides ? ls.f() : rs.f();
            double value = op.isComparison() ? fl : scalarOp(op, fl, fr);
            boolean keep = keeps(op, fl, fr);
            if (b.returnBool()) {
                value = keep ? 1 : 0;
            } else if (!keep) {
                continue;
            }
            Labels metric = resultMetric(ls.metric(), rs.metric(), op, m);
            Set<Labels> inserted = matched.get(s);
            if (m.cardinality() == Cardinality.ONE_TO_ONE) {
                if (inserted != null) {
                    throw new EvalError("multiple matches for labels: many-to-one matching must be explicit"
                            + " (group_left/group_right)");
                }
                matched.put(s, Set.of());
            } else {
                if (inserted == null) {
                    inserted = new HashSet<>();
                    matched.put(s, inserted);
                }
                if (!inserted.add(metric)) {
                    throw new EvalError("multiple matches for labels: grouping labels must ensure unique matches");
                }
            }
            // Prometheus 3.5 with delayed name removal forgets a pending drop here (so rate(x[5m]) > y kept the
            // name); keeping it gives what Prometheus without that flag returns.
            boolean pendingDrop = op.isComparison() && ls.dropName();
            out.add(new Element(metric, value, b.returnBool() || pendingDrop));
        }
        return out;
    }

    private static Labels resultMetric(Labels lhs, Labels rhs, BinaryOp op, Expr.VectorMatching m) {
        Labels.Builder b = lhs.toBuilder();
        if (changesSchema(op)) {
            b.remove(Labels.METRIC_NAME).remove("__type__").remove("__unit__");
        }
        if (m.cardinality() == Cardinality.ONE_TO_ONE) {
            if (m.on()) {
                Set<String> keep = new HashSet<>(m.labels());
                for (int i = 0; i < lhs.size(); i++) {
                    if (!keep.contains(lhs.nameAt(i))) {
                        b.remove(lhs.nameAt(i));
                    }
                }
            } else {
                for (String l : m.labels()) {
                    b.remove(l);
                }
            }
        }
        for (String l : m.include()) {
            String v = rhs.get(l);
            if (v != null) {
                b.add(l, v);
            } else {
                b.remove(l);
            }
        }
        return b.build();
    }

    private static List<Element> and(List<Element> lhs, List<Element> rhs, Signatures sig) {
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return List.of();
        }
        Set<Labels> right = new HashSet<>();
        for (Element r : rhs) {
            right.add(sig.of(r.metric()));
        }
        List<Element> out = new ArrayList<>();
        for (Element l : lhs) {
            if (right.contains(sig.of(l.metric()))) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Element> or(List<Element> lhs, List<Element> rhs, Signatures sig) {
        if (lhs.isEmpty()) {
            return rhs;
        }
        if (rhs.isEmpty()) {
            return lhs;
        }
        Set<Labels> left = new HashSet<>();
        List<Element> out = new ArrayList<>(lhs);
        for (Element l : lhs) {
            left.add(sig.of(l.metric()));
        }
        for (Element r : rhs) {
            if (!left.contains(sig.of(r.metric()))) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Element> unless(List<Element> lhs, List<Element> rhs, Signatures sig) {
        if (lhs.isEmpty() || rhs.isEmpty()) {
            return lhs;
        }
        Set<Labels> right = new HashSet<>();
        for (Element r : rhs) {
            right.add(sig.of(r.metric()));
        }
        List<Element> out = new ArrayList<>();
        for (Element l : lhs) {
            if (!right.contains(sig.of(l.metric()))) {
                out.add(l);
            }
        }
        return out;
    }
}
