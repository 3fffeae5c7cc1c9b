package dev.steward.stackfile;

import dev.steward.core.config.Secret;
import dev.steward.core.expect.DurationLiteral;
import dev.steward.stackfile.YamlNode.Entry;
import dev.steward.stackfile.YamlNode.Mapping;
import dev.steward.stackfile.YamlNode.Scalar;
import dev.steward.stackfile.YamlNode.ScalarType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values out of YAML nodes, reporting every problem to {@link Diagnostics} and returning empty for a bad
 * value, so that the caller can carry on and find the next problem.
 */
final class NodeReader {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    static final String NAME_EXPECTED = "a name of lower-case letters, digits, '-' and '_' such as api or db-primary";
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    final Diagnostics diagnostics;
    private final References references;
    private final ScalarColumns columns;

    NodeReader(Diagnostics diagnostics, References references, ScalarColumns columns) {
        this.diagnostics = diagnostics;
        this.references = references;
        this.columns = columns;
    }

    ScalarColumns columns() {
        return columns;
    }

    void wrongType(YamlNode node, String path, String expected) {
        diagnostics.add(node, path, "wrong type:", YamlNode.describe(node), expected);
    }

    /** A mapping whose keys must all be in {@code allowed}; each unknown key is an error naming the allowed ones. */
    Optional<Fields> fields(YamlNode node, String path, String expected, Collection<String> allowed) {
        if (!(node instanceof Mapping m)) {
            wrongType(node, path, expected);
            return Optional.empty();
        }
        for (Entry e : m.entries()) {
            if (!allowed.contains(e.key().value())) {
                diagnostics.add(
                        e.key(),
                        KeyPath.key(path, e.key().value()),
                        "unknown key",
                        Quote.of(e.key().value()),
                        Suggestion.allowedKeys(e.key().value(), allowed));
            }
        }
        return Optional.of(new Fields(m, path));
    }

    /** A required key; reports it missing at the mapping. */
    Optional<YamlNode> require(Fields f, String key, String expected) {
        Optional<YamlNode> v = f.get(key);
        if (v.isEmpty()) {
            diagnostics.add(f.mapping(), f.path(key), "missing required key " + Quote.of(key), null, expected);
        }
        return v;
    }

    Optional<Scalar> scalar(YamlNode node, String path, String expected) {
        if (node instanceof Scalar s && s.type() != ScalarType.NULL) {
            return Optional.of(s);
        }
        wrongType(node, path, expected);
        return Optional.empty();
    }

    /** A name (no references): stack, service, check names. */
    Optional<String> name(YamlNode node, String path, String what) {
        Optional<Scalar> s = scalar(node, path, NAME_EXPECTED);
        if (s.isPresent() && !NAME.matcher(s.get().value()).matches()) {
            diagnostics.add(node, path, "invalid " + what, Quote.of(s.get().value()), NAME_EXPECTED);
            return Optional.empty();
        }
        return s.map(Scalar::value);
    }

    /** A string with its references resolved. */
    Optional<String> text(YamlNode node, String path) {
        return secret(node, path).map(Secret::reveal);
    }

    /** A string that may hold secrets: resolved for use, shown as written. */
    Optional<Secret> secret(YamlNode node, String path) {
        Optional<Scalar> s = scalar(node, path, "text");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Scalar scalar = s.get();
        References.Resolved r = references.resolve(scalar.value());
        for (References.Problem p : r.problems()) {
            diagnostics.add(columns.at(scalar, p.offset()), path, p.message(), Quote.of(scalar.value()), p.expected());
        }
        return r.value().map(v -> r.hasReferences() ? Secret.of(v, scalar.value()) : Secret.plain(v));
    }

    Optional<Integer> integer(YamlNode node, String path, int min, int max, String expected) {
        Optional<Scalar> s = scalar(node, path, expected);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get().type() != ScalarType.INT || !s.get().value().matches("[-+]?[0-9]{1,10}")) {
            wrongType(node, path, expected);
            return Optional.empty();
        }
        long v = Long.parseLong(s.get().value());
        if (v < min || v > max) {
            diagnostics.add(node, path, "out of range:", s.get().value(), expected);
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    Optional<Boolean> bool(YamlNode node, String path) {
        if (node instanceof Scalar s && s.type() == ScalarType.BOOL) {
            return Optional.of(s.value().toLowerCase(Locale.ROOT).equals("true"));
        }
        wrongType(node, path, "true or false");
        return Optional.empty();
    }

    /** A duration greater than zero. */
    Optional<Duration> duration(YamlNode node, String path) {
        Optional<Scalar> s = scalar(node, path, DurationLiteral.EXAMPLES);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String text = s.get().value();
        Optional<Duration> d = DurationLiteral.parse(text);
        if (d.isEmpty()) {
            String hint = s.get().type() == ScalarType.INT ? " (a unit is required)" : "";
            diagnostics.add(node, path, "invalid duration" + hint, Quote.of(text), DurationLiteral.EXAMPLES);
        } else if (d.get().isNegative() || d.get().isZero()) {
            diagnostics.add(node, path, "duration must be greater than zero:", text, "a duration such as 30s");
            return Optional.empty();
        }
        return d;
    }

    Optional<List<YamlNode>> list(YamlNode node, String path, String expected) {
        if (node instanceof YamlNode.Sequence s) {
            return Optional.of(s.items());
        }
        wrongType(node, path, expected);
        return Optional.empty();
    }

    /** An http:// or https:// URL with a host. */
    Optional<URI> httpUrl(YamlNode node, String path) {
        return url(node, path, List.of("http", "https"), "an http:// or https:// URL with a host");
    }

    Optional<URI> url(YamlNode node, String path, List<String> schemes, String expected) {
        Optional<String> text = text(node, path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> uri = parseUri(text.get());
        boolean ok = uri.isPresent()
                && uri.get().getScheme() != null
                && schemes.contains(uri.get().getScheme().toLowerCase(Locale.ROOT))
                && uri.get().getHost() != null;
        if (!ok) {
            diagnostics.add(node, path, "invalid URL", Quote.of(((Scalar) node).value()), expected);
            return Optional.empty();
        }
        return uri;
    }

    static Optional<URI> parseUri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Headers the JDK HTTP client sets and refuses to take from the caller. */
    static final java.util.List<String> RESTRICTED_HEADERS =
            java.util.List.of("connection", "content-length", "expect", "host", "upgrade");

    /** HTTP headers: name to value, values may hold secrets. */
    Map<String, Secret> headers(YamlNode node, String path) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (!(node instanceof Mapping m)) {
            wrongType(node, path, "a mapping of header names to values");
            return out;
        }
        for (Entry e : m.entries()) {
            String name = e.key().value();
            String p = KeyPath.key(path, name);
            if (!HEADER.matcher(name).matches()) {
                diagnostics.add(
                        e.key(), p, "invalid header name", Quote.of(name), "an HTTP header name such as X-Api-Key");
                continue;
            }
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                diagnostics.add(
                        e.key(),
                        p,
                        "header set by the HTTP client itself",
                        Quote.of(name),
                        "a header other than " + String.join(", ", RESTRICTED_HEADERS));
                continue;
            }
            secret(e.value(), p).ifPresent(v -> out.put(name, v));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Labels: names as in Prometheus, not reserved by Steward; values are text. */
    Map<String, String> labels(YamlNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(node instanceof Mapping m)) {
            wrongType(node, path, "a mapping of label names to values");
            return out;
        }
        for (Entry e : m.entries()) {
            String name = e.key().value();
            String p = KeyPath.key(path, name);
            if (!LABEL.matcher(name).matches() || isReserved(name)) {
                diagnostics.add(
                        e.key(),
                        p,
                        isReserved(name) ? "reserved label name" : "invalid label name",
                        Quote.of(name),
                        "a label name matching [a-zA-Z_][a-zA-Z0-9_]* other than stack, service, check and __*");
                continue;
            }
            text(e.value(), p).ifPresent(v -> out.put(name, v));
        }
        return Collections.unmodifiableMap(out);
    }

    private static boolean isReserved(String label) {
        return label.equals("stack") || label.equals("service") || label.equals("check") || label.startsWith("__");
    }

    /** Texts of a list of scalars (no references), as written; used for rule_files and depends_on. */
    List<Scalar> scalars(YamlNode node, String path, String expected) {
        List<Scalar> out = new ArrayList<>();
        list(node, path, expected).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                scalar(items.get(i), KeyPath.index(path, i), expected).ifPresent(out::add);
            }
        });
        return out;
    }
}
