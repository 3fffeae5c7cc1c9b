package dev.steward.probe.redis;

import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import java.util.regex.Pattern;

/**
 * Turns the text of Redis {@code INFO} into facts: {@code info.<field>} for every field (Num when the value is a plain
 * number, else Text), {@code info.<db>.<key>} for the keyspace lines ({@code info.db0.keys}, {@code
 * info.db0.expires}, {@code info.db0.avg_ttl}) and {@code info.keyspace_hit_ratio}.
 */
final class RedisInfo {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern KEYSPACE_DB = Pattern.compile("db\\d+");

    private RedisInfo() {}

    static void addFacts(String info, Observation.Builder facts) {
        double hits = 0;
        double misses = 0;
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            String field = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (KEYSPACE_DB.matcher(field).matches() && value.contains("=")) {
                keyspace(field, value, facts);
                continue;
            }
            facts.fact("info." + field, value(value));
            if (field.equals("keyspace_hits") && NUMBER.matcher(value).matches()) {
                hits = Double.parseDouble(value);
            } else if (field.equals("keyspace_misses") && NUMBER.matcher(value).matches()) {
                misses = Double.parseDouble(value);
            }
        }
        facts.fact("info.keyspace_hit_ratio", Value.num(hits + misses == 0 ? 1 : hits / (hits + misses)));
    }

    private static void keyspace(String db, String value, Observation.Builder facts) {
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                facts.fact("info." + db + "." + pair.substring(0, eq), value(pair.substring(eq + 1)));
            }
        }
    }

    private static Value value(String text) {
        return NUMBER.matcher(text).matches() ? Value.num(Double.parseDouble(text)) : Value.text(text);
    }
}
