package dev.steward.core.expect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one probe saw, as named facts that {@code expect} conditions can address.
 *
 * <ul>
 *   <li>facts: flat names such as {@code status}, {@code latency}, {@code cert_expiry}, {@code exit_code}, {@code
 *       info.used_memory};
 *   <li>headers: {@code header["Content-Type"]}, looked up case-insensitively;
 *   <li>documents: raw JSON text under a root name ({@code body}, {@code cluster}); a path into it ({@code
 *       body.status}, {@code cluster.active_shards_percent_as_number}) is resolved by the evaluator, which parses the
 *       document only when a condition needs it.
 * </ul>
 *
 * A text document named {@code body} is also a fact {@code body} (for {@code body contains "ok"}).
 */
public final class Observation {
    private final Map<String, Value> facts;
    private final Map<String, String> headers;
    private final Map<String, String> documents;

    private Observation(Map<String, Value> facts, Map<String, String> headers, Map<String, String> documents) {
        this.facts = Collections.unmodifiableMap(facts);
        this.headers = Collections.unmodifiableMap(headers);
        this.documents = Collections.unmodifiableMap(documents);
    }

    public static final Observation EMPTY = new Observation(Map.of(), Map.of(), Map.of());

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Value> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The raw text of a document ({@code body}, {@code cluster}), to be parsed as JSON when a path goes into it. */
    public Optional<String> document(String root) {
        return Optional.ofNullable(documents.get(root));
    }

    /**
     * The facts without documents, headers and long texts (a body can be a megabyte): what is worth keeping of the
     * latest result of every check for the status page and {@code /metrics}.
     */
    public Observation summary() {
        Map<String, Value> kept = new LinkedHashMap<>();
        facts.forEach((name, value) -> {
            if (!(value instanceof Value.Text t) || t.value().length() <= 256) {
                kept.put(name, value);
            }
        });
        kept.remove("body");
        return new Observation(kept, Map.of(), Map.of());
    }

    public Map<String, Value> facts() {
        return facts;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, String> documents() {
        return documents;
    }

    public static final class Builder {
        private final Map<String, Value> facts = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> documents = new LinkedHashMap<>();

        public Builder fact(String name, Value value) {
            facts.put(name, value);
            return this;
        }

        public Builder header(String name, String value) {
            headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
            return this;
        }

        /** Adds a document; {@code body} is also made a text fact. */
        public Builder document(String root, String text) {
            documents.put(root, text);
            if (root.equals("body")) {
                facts.put("body", new Value.Text(text));
            }
            return this;
        }

        public Observation build() {
            return new Observation(
                    new LinkedHashMap<>(facts), new LinkedHashMap<>(headers), new LinkedHashMap<>(documents));
        }
    }
}
