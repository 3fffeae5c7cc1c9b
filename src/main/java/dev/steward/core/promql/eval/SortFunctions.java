package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code sort}, {@code sort_desc}, {@code sort_by_label} and {@code sort_by_label_desc}: order of an instant result. */
final class SortFunctions {
    private SortFunctions() {}

    static List<Series> eval(Evaluator ev, String name, List<Expr> args) {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            labels.add(LabelFunctions.stringArg(args.get(i)));
        }
        Comparator<Element> order = switch (name) {
            case "sort" -> byValue(false);
            case "sort_desc" -> byValue(true);
            case "sort_by_label" -> byLabels(labels);
            default -> byLabels(labels).reversed();
        };
        return ev.rangeEval(
                (v, ts) -> {
                    List<Element> out = new ArrayList<>(v.get(0));
                    out.sort(order);
                    return out;
                },
                List.of(args.get(0)));
    }

    private static Comparator<Element> byValue(boolean descending) {
        return (a, b) -> {
            boolean an = Double.isNaN(a.f());
            boolean bn = Double.isNaN(b.f());
            if (an || bn) {
                return Boolean.compare(an, bn);
            }
            return descending ? Double.compare(b.f(), a.f()) : Double.compare(a.f(), b.f());
        };
    }

    private static Comparator<Element> byLabels(List<String> labels) {
        return (a, b) -> {
            for (String l : labels) {
                String x = a.metric().get(l);
                String y = b.metric().get(l);
                x = x == null ? "" : x;
                y = y == null ? "" : y;
                if (!x.equals(y)) {
                    return naturalCompare(x, y);
                }
            }
            return a.metric().compareTo(b.metric());
        };
    }

    /** Natural order: runs of digits compare as numbers, the rest as text. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                int si = i;
                int sj = j;
                while (i < a.length() && !Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && !Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = a.substring(si, i).compareTo(b.substring(sj, j));
                if (c != 0) {
                    return c;
                }
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
