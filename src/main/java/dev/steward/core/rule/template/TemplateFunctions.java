package dev.steward.core.rule.template;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions a template may call: Go's built-ins that make sense here ({@code eq ne lt le gt ge and or not len index
 * print printf println}) and Prometheus's ({@code humanize humanize1024 humanizeDuration humanizePercentage
 * humanizeTimestamp toUpper toLower title reReplaceAll match safeHtml parseDuration stripPort stripDomain
 * urlQueryEscape}, and {@code externalURL}/{@code pathPrefix} in the renderer). Comparisons accept an int
 * against a float64 (Go refuses them with "incompatible types for comparison"; a template Prometheus rejects at run
 * time renders here).
 */
final class TemplateFunctions {
    @FunctionalInterface
    interface Body {
        Object apply(List<Object> args);
    }

    record Function(int min, int max, Body body) {}

    private static final Map<String, Function> FUNCTIONS = new HashMap<>();
    /** Prometheus functions Steward's templates do not have, with why. */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("args", "it serves template calls, which are not supported"),
            Map.entry("graphLink", "it links to Prometheus's UI"),
            Map.entry("tableLink", "it links to Prometheus's UI"),
            Map.entry("now", "not implemented"),
            Map.entry("toTime", "not implemented"),
            Map.entry("toDuration", "not implemented"));

    static {
        FUNCTIONS.put("humanize", new Function(1, 1, a -> Humanize.metric(number("humanize", a.get(0)))));
        FUNCTIONS.put("humanize1024", new Function(1, 1, a -> Humanize.binary(number("humanize1024", a.get(0)))));
        FUNCTIONS.put(
                "humanizeDuration", new Function(1, 1, a -> Humanize.duration(number("humanizeDuration", a.get(0)))));
        FUNCTIONS.put(
                "humanizePercentage",
                new Function(1, 1, a -> Humanize.percentage(number("humanizePercentage", a.get(0)))));
        FUNCTIONS.put(
                "humanizeTimestamp",
                new Function(1, 1, a -> Humanize.timestamp(number("humanizeTimestamp", a.get(0)))));
        FUNCTIONS.put(
                "toUpper", new Function(1, 1, a -> text("toUpper", a.get(0)).toUpperCase(Locale.ROOT)));
        FUNCTIONS.put(
                "toLower", new Function(1, 1, a -> text("toLower", a.get(0)).toLowerCase(Locale.ROOT)));
        FUNCTIONS.put("title", new Function(1, 1, a -> title(text("title", a.get(0)))));
        FUNCTIONS.put("safeHtml", new Function(1, 1, a -> text("safeHtml", a.get(0))));
        FUNCTIONS.put(
                "match",
                new Function(
                        2,
                        2,
                        a -> regex("match", a.get(0))
                                .matcher(text("match", a.get(1)))
                                .find()));
        FUNCTIONS.put("reReplaceAll", new Function(3, 3, a -> replaceAll(a)));
        FUNCTIONS.put("stripPort", new Function(1, 1, a -> HostPort.stripPort(text("stripPort", a.get(0)))));
        FUNCTIONS.put("stripDomain", new Function(1, 1, a -> HostPort.stripDomain(text("stripDomain", a.get(0)))));
        FUNCTIONS.put("urlQueryEscape", new Function(1, 1, a -> urlQueryEscape(text("urlQueryEscape", a.get(0)))));
        FUNCTIONS.put("parseDuration", new Function(1, 1, a -> parseDuration(text("parseDuration", a.get(0)))));
        FUNCTIONS.put(
                "printf",
                new Function(
                        1, Integer.MAX_VALUE, a -> GoFormat.sprintf(text("printf", a.get(0)), a.subList(1, a.size()))));
        FUNCTIONS.put("print", new Function(0, Integer.MAX_VALUE, TemplateFunctions::print));
        FUNCTIONS.put("println", new Function(0, Integer.MAX_VALUE, a -> {
            List<String> parts = a.stream().map(GoFormat::print).toList();
            return String.join(" ", parts) + "\n";
        }));
        FUNCTIONS.put("len", new Function(1, 1, a -> length(a.get(0))));
        FUNCTIONS.put("first", new Function(1, 1, a -> QueryFunctions.first(a.get(0))));
        FUNCTIONS.put("label", new Function(2, 2, a -> QueryFunctions.label(text("label", a.get(0)), a.get(1))));
        FUNCTIONS.put("value", new Function(1, 1, a -> QueryFunctions.value(a.get(0))));
        FUNCTIONS.put("strvalue", new Function(1, 1, a -> QueryFunctions.label("__value__", a.get(0))));
        FUNCTIONS.put(
                "sortByLabel",
                new Function(2, 2, a -> QueryFunctions.sortByLabel(text("sortByLabel", a.get(0)), a.get(1))));
        FUNCTIONS.put("index", new Function(2, 2, a -> index(a.get(0), a.get(1))));
        FUNCTIONS.put("not", new Function(1, 1, a -> !Truth.of(a.get(0))));
        FUNCTIONS.put("and", new Function(1, Integer.MAX_VALUE, a -> {
            for (Object o : a) {
                if (!Truth.of(o)) {
                    return o;
                }
            }
            return a.getLast();
        }));
        FUNCTIONS.put("or", new Function(1, Integer.MAX_VALUE, a -> {
            for (Object o : a) {
                if (Truth.of(o)) {
                    return o;
                }
            }
            return a.getLast();
        }));
        FUNCTIONS.put("eq", new Function(2, Integer.MAX_VALUE, a -> {
            for (Object o : a.subList(1, a.size())) {
                if (Compare.equal(a.get(0), o)) {
                    return true;
                }
            }
            return false;
        }));
        FUNCTIONS.put("ne", new Function(2, 2, a -> !Compare.equal(a.get(0), a.get(1))));
        FUNCTIONS.put("lt", new Function(2, 2, a -> Compare.order("lt", a.get(0), a.get(1)) < 0));
        FUNCTIONS.put("le", new Function(2, 2, a -> Compare.order("le", a.get(0), a.get(1)) <= 0));
        FUNCTIONS.put("gt", new Function(2, 2, a -> Compare.order("gt", a.get(0), a.get(1)) > 0));
        FUNCTIONS.put("ge", new Function(2, 2, a -> Compare.order("ge", a.get(0), a.get(1)) >= 0));
    }

    private TemplateFunctions() {}

    static boolean exists(String name) {
        return FUNCTIONS.containsKey(name)
                || name.equals("externalURL")
                || name.equals("pathPrefix")
                || name.equals("query");
    }

    static Optional<String> unsupportedReason(String name) {
        return Optional.ofNullable(UNSUPPORTED.get(name))
                .map(why -> "the function \"" + name + "\" is not supported in Steward templates (" + why + ")");
    }

    static Object call(String name, List<Object> args) {
        Function f = FUNCTIONS.get(name);
        if (args.size() < f.min() || args.size() > f.max()) {
            String want = f.min() == f.max() ? String.valueOf(f.min()) : "at least " + f.min();
            throw new TemplateRenderException(
                    "wrong number of args for " + name + ": want " + want + " got " + args.size());
        }
        return f.body().apply(args);
    }

    /** Go's strconv-style conversion of a template value to float64, as Prometheus's functions do. */
    static double number(String function, Object v) {
        return switch (v) {
            case Double d -> d;
            case Long l -> l;
            case String s -> {
                try {
                    yield Double.parseDouble(s.trim().replace("Inf", "Infinity"));
                } catch (NumberFormatException e) {
                    throw new TemplateRenderException("error calling " + function + ": strconv.ParseFloat: parsing "
                            + GoFormat.quote(s) + ": invalid syntax");
                }
            }
            case null, default ->
                throw new TemplateRenderException(
                        "error calling " + function + ": can't convert " + GoFormat.typeName(v) + " to float");
        };
    }

    private static String text(String function, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new TemplateRenderException(
                "wrong type for value; expected string; got " + GoFormat.typeName(v) + " in " + function);
    }

    private static String print(List<Object> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean strings = args.get(i) instanceof String || (i > 0 && args.get(i - 1) instanceof String);
            if (i > 0 && !strings) {
                b.append(' ');
            }
            b.append(GoFormat.print(args.get(i)));
        }
        return b.toString();
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(start ? Character.toTitleCase(cp) : cp);
            start = !(Character.isLetterOrDigit(cp) || cp == '_' || cp == '\'');
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static Pattern regex(String function, Object pattern) {
        try {
            return Pattern.compile(text(function, pattern));
        } catch (PatternSyntaxException e) {
            throw new TemplateRenderException(
                    "error calling " + function + ": invalid regular expression " + GoFormat.quote((String) pattern));
        }
    }

    /** {@code reReplaceAll pattern replacement text}, with Go's {@code $1}, {@code ${1}}, {@code ${name}} expansion. */
    private static String replaceAll(List<Object> a) {
        Matcher m = regex("reReplaceAll", a.get(0)).matcher(text("reReplaceAll", a.get(2)));
        String replacement = text("reReplaceAll", a.get(1));
        StringBuilder out = new StringBuilder();
        String input = (String) a.get(2);
        int last = 0;
        int previousEnd = -1;
        while (m.find()) {
            if (m.start() == m.end() && m.start() == previousEnd) {
                continue; // Go ignores an empty match right after the previous match
            }
            out.append(input, last, m.start());
            GoRegexExpand.expand(replacement, m, out);
            last = m.end();
            previousEnd = m.end();
        }
        out.append(input, last, input.length());
        return out.toString();
    }

    /** Go's {@code url.QueryEscape}: unreserved characters kept, space as {@code +}, the rest percent-encoded. */
    private static String urlQueryEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                b.append(c);
            } else if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    private static Object parseDuration(String s) {
        return dev.steward.core.rule.PromDuration.parse(s)
                .map(d -> d.toNanos() / 1e9)
                .orElseThrow(() -> new TemplateRenderException(
                        "error calling parseDuration: not a valid duration string: " + GoFormat.quote(s)));
    }

    private static Object length(Object v) {
        return switch (v) {
            case String s -> (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            case Map<?, ?> m -> (long) m.size();
            case java.util.List<?> l -> (long) l.size();
            case null, default ->
                throw new TemplateRenderException("error calling len: len of type " + GoFormat.typeName(v));
        };
    }

    private static Object index(Object collection, Object key) {
        if (collection instanceof Map<?, ?> m && key instanceof String k) {
            Object v = m.get(k);
            return v == null ? "" : v;
        }
        throw new TemplateRenderException("error calling index: can't index item of type "
                + GoFormat.typeName(collection) + " with " + GoFormat.typeName(key));
    }
}
