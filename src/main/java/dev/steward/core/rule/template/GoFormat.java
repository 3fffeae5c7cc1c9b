package dev.steward.core.rule.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code fmt.Sprintf} for the values a template handles (float64, int, string, bool, maps of strings): verbs
 * {@code %v %s %d %f %F %e %E %g %G %q %x %X %t %%}, flags {@code - + # 0 space}, width and precision. Mistakes render
 * as Go renders them ({@code %!d(float64=1.5)}, {@code %!s(MISSING)}), so a template never fails on a format.
 */
final class GoFormat {
    private GoFormat() {}

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int arg = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            Spec spec = new Spec();
            while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
                spec.flag(format.charAt(i++));
            }
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            spec.width = start == i ? -1 : Integer.parseInt(format.substring(start, i));
            if (i < format.length() && format.charAt(i) == '.') {
                start = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                spec.precision = start == i ? 0 : Integer.parseInt(format.substring(start, i));
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (arg >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            out.append(spec.pad(format(verb, spec, args.get(arg++))));
        }
        if (arg < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = arg; k < args.size(); k++) {
                out.append(k > arg ? ", " : "")
                        .append(typeName(args.get(k)))
                        .append('=')
                        .append(print(args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    /** How Go's {@code fmt.Sprint} prints one value ({@code %v}). */
    static String print(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case TemplateQuery.Sample s -> "{" + print(s.labels()) + " " + GoFloat.shortest(s.value()) + "}";
            case java.util.List<?> l ->
                "[" + String.join(" ", l.stream().map(GoFormat::print).toList()) + "]";
            case Double d -> GoFloat.shortest(d);
            case Map<?, ?> m -> {
                StringBuilder b = new StringBuilder("map[");
                new TreeMap<>(m)
                        .forEach((k, val) -> b.append(b.length() > 4 ? " " : "")
                                .append(k)
                                .append(':')
                                .append(val));
                yield b.append(']').toString();
            }
            default -> v.toString();
        };
    }

    static String typeName(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case Double d -> "float64";
            case Long l -> "int";
            case String s -> "string";
            case Boolean b -> "bool";
            case Map<?, ?> m -> "map[string]string";
            case java.util.List<?> l -> "template.queryResult";
            case TemplateQuery.Sample x -> "*template.sample";
            default -> v.getClass().getSimpleName();
        };
    }

    private static String format(char verb, Spec spec, Object v) {
        String out = switch (verb) {
            case 'v' -> v instanceof Double d ? signed(spec, d, GoFloat.g(d, spec.precision, false)) : print(v);
            case 's' -> v instanceof String || v instanceof Map<?, ?> ? truncate(print(v), spec.precision) : null;
            case 'q' -> v instanceof String s ? quote(s) : null;
            case 't' -> v instanceof Boolean b ? b.toString() : null;
            case 'd' -> v instanceof Long l ? signed(spec, l, Long.toString(l)) : null;
            case 'x', 'X' -> hex(v, verb == 'X');
            case 'f', 'F', 'e', 'E', 'g', 'G' -> floating(verb, spec, v);
            default -> null;
        };
        return out != null ? out : "%!" + verb + "(" + typeName(v) + "=" + print(v) + ")";
    }

    private static String floating(char verb, Spec spec, Object v) {
        double d;
        if (v instanceof Double x) {
            d = x;
        } else {
            return null;
        }
        int p = spec.precision;
        String s = switch (verb) {
            case 'f', 'F' -> GoFloat.f(d, p < 0 ? 6 : p);
            case 'e', 'E' -> GoFloat.e(d, p < 0 ? 6 : p, verb == 'E');
            default -> GoFloat.g(d, p, verb == 'G');
        };
        return signed(spec, d, s);
    }

    private static String signed(Spec spec, double sign, String s) {
        if (!s.startsWith("-") && !s.startsWith("+") && !Double.isNaN(sign)) {
            if (spec.plus) {
                return "+" + s;
            }
            if (spec.space) {
                return " " + s;
            }
        }
        return s;
    }

    private static String hex(Object v, boolean upper) {
        String s = switch (v) {
            case Long l -> Long.toHexString(l);
            case String str -> {
                StringBuilder b = new StringBuilder();
                for (byte x : str.getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format("%02x", x & 0xff));
                }
                yield b.toString();
            }
            default -> null;
        };
        return s == null ? null : upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    private static String truncate(String s, int precision) {
        return precision >= 0 && s.codePointCount(0, s.length()) > precision
                ? s.substring(0, s.offsetByCodePoints(0, precision))
                : s;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    private static final class Spec {
        boolean minus;
        boolean plus;
        boolean zero;
        boolean space;
        int width = -1;
        int precision = -1;

        void flag(char c) {
            switch (c) {
                case '-' -> minus = true;
                case '+' -> plus = true;
                case '0' -> zero = true;
                case ' ' -> space = true;
                default -> {
                    // '#' (alternate forms) is accepted and ignored
                }
            }
        }

        String pad(String s) {
            int length = s.codePointCount(0, s.length());
            if (width <= length) {
                return s;
            }
            String fill = (zero && !minus ? "0" : " ").repeat(width - length);
            if (minus) {
                return s + fill;
            }
            if (zero && (s.startsWith("-") || s.startsWith("+"))) {
                return s.charAt(0) + fill + s.substring(1);
            }
            return fill + s;
        }
    }
}
