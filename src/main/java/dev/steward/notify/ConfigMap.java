package dev.steward.notify;

import dev.steward.core.config.Secret;
import dev.steward.core.promql.parse.Durations;
import dev.steward.stackfile.ConfigError;
import dev.steward.stackfile.References;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One raw mapping of notifier settings (as the Alertmanager configuration loader keeps it) read strictly: every
 * problem is recorded with its path ({@code receivers[ops].webhook_configs[0].url}), the value seen and what was
 * expected, and reading goes on so that all problems are reported together. Secret values are never echoed: an error
 * about one shows its references as written, or {@code <secret>}.
 */
public final class ConfigMap {
    private static final String SECRET = "<secret>";

    private final Map<String, Object> raw;
    private final String path;
    private final Context context;

    private record Context(String source, SecretResolver secrets, List<ConfigError> errors) {}

    private ConfigMap(Map<String, Object> raw, String path, Context context) {
        this.raw = raw;
        this.path = path;
        this.context = context;
    }

    /** A mapping read from {@code source} (the file name errors carry), its errors gathered in {@code errors}. */
    public static ConfigMap root(
            Map<String, Object> raw, String path, String source, SecretResolver secrets, List<ConfigError> errors) {
        return new ConfigMap(raw == null ? Map.of() : raw, path, new Context(source, secrets, errors));
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
    }

    public List<ConfigError> errors() {
        return context.errors;
    }

    public boolean has(String key) {
        return raw.get(key) != null;
    }

    /** Records every key not in {@code known} as an error listing the known ones. */
    public void allow(Collection<String> known) {
        for (String key : raw.keySet()) {
            if (!known.contains(key)) {
                error(key, "unknown setting", quote(key), "one of " + String.join(", ", known));
            }
        }
    }

    public void error(String key, String message, String seen, String expected) {
        context.errors.add(new ConfigError(
                context.source, 0, 0, path(key), message, Optional.ofNullable(seen), Optional.ofNullable(expected)));
    }

    public void missing(String key, String expected) {
        error(key, "missing", null, expected);
    }

    /** A scalar as text (numbers and booleans as written); a mapping or list is an error. */
    public Optional<String> text(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            error(key, "wrong type:", v instanceof Map<?, ?> ? "a mapping" : "a list", "text");
            return Optional.empty();
        }
        return Optional.of(v.toString());
    }

    /**
     * A secret: {@code key} with {@code ${env:}}/{@code ${file:}} references resolved, or the content of the file named
     * by {@code key_file} (Alertmanager's way); both at once is an error. It prints as written when it holds
     * references, else as {@code <secret>}.
     */
    public Optional<Secret> secret(String key) {
        Optional<String> inline = text(key);
        Optional<String> file = raw.containsKey(key + "_file") ? text(key + "_file") : Optional.empty();
        if (inline.isPresent() && file.isPresent()) {
            error(key + "_file", "both " + key + " and " + key + "_file are set", null, "one of them");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return resolve(key + "_file", "${file:" + file.get() + "}", true);
        }
        return inline.flatMap(t -> resolve(key, t, false));
    }

    private Optional<Secret> resolve(String key, String written, boolean fromFileKey) {
        References.Resolved r = context.secrets.resolve(written);
        String shown = r.hasReferences() || fromFileKey ? written : SECRET;
        for (References.Problem p : r.problems()) {
            error(key, p.message(), r.hasReferences() ? quote(written) : SECRET, p.expected());
        }
        return r.value().map(v -> Secret.of(v, shown));
    }

    /** A secret that must be an http or https URL with a host (webhook and Slack URLs carry tokens). */
    public Optional<Secret> secretUrl(String key) {
        Optional<Secret> s = secret(key);
        if (s.isPresent() && parseUrl(s.get().reveal()).isEmpty()) {
            String errorKey = has(key) ? key : key + "_file";
            error(
                    errorKey,
                    "invalid URL",
                    s.get().isSecret() ? s.get().toString() : SECRET,
                    "an http:// or https:// URL");
            return Optional.empty();
        }
        return s;
    }

    /** A plain (not secret) http or https URL. */
    public Optional<URI> url(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> u = parseUrl(t.get());
        if (u.isEmpty()) {
            error(key, "invalid URL", quote(t.get()), "an http:// or https:// URL");
        }
        return u;
    }

    public static Optional<URI> parseUrl(String text) {
        try {
            URI u = new URI(text.trim());
            boolean web = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
            return web && u.getHost() != null ? Optional.of(u) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code host:port} with a port in range. */
    public Optional<String> hostPort(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return t;
        }
        String value = t.get();
        int colon = value.lastIndexOf(':');
        String port = colon < 0 ? "" : value.substring(colon + 1);
        if (colon > 0 && port.matches("[0-9]{1,5}") && Integer.parseInt(port) <= 65535) {
            return t;
        }
        error(key, "invalid address", quote(value), "host:port such as smtp.example.org:587");
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        Optional<String> t = text(key);
        if (t.isPresent() && !t.get().equals("true") && !t.get().equals("false")) {
            error(key, "wrong type:", quote(t.get()), "true or false");
            return Optional.empty();
        }
        return t.map(Boolean::parseBoolean);
    }

    /** A positive duration such as {@code 10s} or {@code 1m30s}. */
    public Optional<Duration> duration(String key) {
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            long millis = Durations.parseMillis(t.get());
            if (millis > 0) {
                return Optional.of(Duration.ofMillis(millis));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below
        }
        error(key, "invalid duration", quote(t.get()), "a positive duration such as 10s, 1m30s");
        return Optional.empty();
    }

    public Optional<Integer> integer(String key, int min) {
        Optional<String> t = text(key);
        if (t.isPresent() && (!t.get().matches("[0-9]{1,9}") || Integer.parseInt(t.get()) < min)) {
            error(key, "invalid number", quote(t.get()), "a whole number of at least " + min);
            return Optional.empty();
        }
        return t.map(Integer::parseInt);
    }

    /** One of {@code allowed}, as written. */
    public Optional<String> choice(String key, List<String> allowed) {
        Optional<String> t = text(key);
        if (t.isPresent() && !allowed.contains(t.get())) {
            error(key, "invalid value", quote(t.get()), "one of " + String.join(", ", allowed));
            return Optional.empty();
        }
        return t;
    }

    /** A nested mapping. */
    @SuppressWarnings("unchecked")
    public Optional<ConfigMap> map(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new ConfigMap((Map<String, Object>) m, path(key), context));
        }
        error(key, "wrong type:", describe(v), "a mapping");
        return Optional.empty();
    }

    /** A list of mappings. */
    @SuppressWarnings("unchecked")
    public List<ConfigMap> maps(String key) {
        Object v = raw.get(key);
        List<ConfigMap> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            error(key, "wrong type:", describe(v), "a list of mappings");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = key + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> m) {
                out.add(new ConfigMap((Map<String, Object>) m, path(item), context));
            } else {
                error(item, "wrong type:", describe(list.get(i)), "a mapping");
            }
        }
        return out;
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        return List.copyOf(raw.keySet());
    }

    /** A list of scalars as texts; a scalar alone, a mapping or a nested list is an error. */
    public List<String> textList(String key) {
        Object v = raw.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            error(key, "wrong type:", describe(v), "a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                error(key + "[" + i + "]", "wrong type:", item == null ? "null" : describe(item), "text");
            } else {
                out.add(item.toString());
            }
        }
        return out;
    }

    /** A mapping of names to texts ({@code headers}, {@code details}). */
    public Map<String, String> texts(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        map(key).ifPresent(m -> {
            for (String name : m.raw.keySet()) {
                m.text(name).ifPresent(t -> out.put(name, t));
            }
        });
        return out;
    }

    private static String describe(Object v) {
        return v instanceof Map<?, ?> ? "a mapping" : v instanceof List<?> ? "a list" : quote(v.toString());
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
