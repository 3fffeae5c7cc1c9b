package dev.steward.core.promql.eval;

import dev.steward.core.promql.parse.Expr;
import dev.steward.core.promql.parse.Utf8;
import dev.steward.core.series.Labels;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code label_replace} and {@code label_join}: they change series labels, so they work on whole series. */
final class LabelFunctions {
    private LabelFunctions() {}

    static String stringArg(Expr e) {
        return ((Expr.StringLiteral) RangeSource.unwrap(e)).value();
    }

    static List<Series> replace(Evaluator ev, List<Expr> args) {
        String dst = stringArg(args.get(1));
        String repl = stringArg(args.get(2));
        String src = stringArg(args.get(3));
        String regex = stringArg(args.get(4));
        Pattern pattern;
        try {
            pattern = Pattern.compile("^(?s:" + regex.replace("(?P<", "(?<") + ")$");
        } catch (PatternSyntaxException e) {
            throw new EvalError("invalid regular expression in label_replace(): " + regex);
        }
        if (dst.isEmpty() || !Utf8.isValid(dst)) {
            throw new EvalError("invalid destination label name in label_replace(): " + dst);
        }
        List<Series> mat = ev.matrix(args.get(0));
        for (Series s : mat) {
            String v = s.metric.get(src);
            Matcher m = pattern.matcher(v == null ? "" : v);
            if (m.matches()) {
                s.metric = s.metric.toBuilder().add(dst, expand(repl, m)).build();
                if (dst.equals(Labels.METRIC_NAME)) {
                    s.dropName = false;
                }
            }
        }
        checkDistinct(mat);
        return mat;
    }

    static List<Series> join(Evaluator ev, List<Expr> args) {
        String dst = stringArg(args.get(1));
        String sep = stringArg(args.get(2));
        String[] srcs = new String[args.size() - 3];
        for (int i = 3; i < args.size(); i++) {
            srcs[i - 3] = stringArg(args.get(i));
        }
        if (dst.isEmpty() || !Utf8.isValid(dst)) {
            throw new EvalError("invalid destination label name in label_join(): " + dst);
        }
        List<Series> mat = ev.matrix(args.get(0));
        for (Series s : mat) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < srcs.length; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                String v = s.metric.get(srcs[i]);
                sb.append(v == null ? "" : v);
            }
            s.metric = s.metric.toBuilder().add(dst, sb.toString()).build();
            if (dst.equals(Labels.METRIC_NAME)) {
                s.dropName = false;
            }
        }
        checkDistinct(mat);
        return mat;
    }

    private static void checkDistinct(List<Series> mat) {
        Set<Labels> seen = new HashSet<>();
        for (Series s : mat) {
            if (!seen.add(s.metric)) {
                throw new EvalError("vector cannot contain metrics with the same labelset");
            }
        }
    }

    /** Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}. */
    static String expand(String template, Matcher m) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            String name;
            int end;
            if (next == '{') {
                int close = template.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                name = template.substring(i + 2, close);
                end = close + 1;
            } else {
                end = i + 1;
                while (end < template.length() && isNameChar(template.charAt(end))) {
                    end++;
                }
                name = template.substring(i + 1, end);
            }
            if (name.isEmpty()) {
                out.append(c);
                i++;
                continue;
            }
            out.append(group(m, name));
            i = end;
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static String group(Matcher m, String name) {
        String v = null;
        if (name.chars().allMatch(Character::isDigit)) {
            try {
                int idx = Integer.parseInt(name);
                if (idx <= m.groupCount()) {
                    v = m.group(idx);
                }
            } catch (NumberFormatException e) {
                v = null;
            }
        } else {
            try {
                v = m.group(name);
            } catch (IllegalArgumentException e) {
                v = null;
            }
        }
        return v == null ? "" : v;
    }
}
