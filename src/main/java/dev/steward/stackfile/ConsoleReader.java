package dev.steward.stackfile;

import dev.steward.core.config.ConsoleConfig;
import java.util.List;
import java.util.Optional;

/** Reads the stack's {@code console:} block (see {@link ConsoleConfig}). */
final class ConsoleReader {
    static final List<String> KEYS = List.of("performance");
    static final List<String> PERFORMANCE_KEYS = List.of("latency", "throughput", "error_rate");

    private ConsoleReader() {}

    static ConsoleConfig read(NodeReader r, RuleGroupReader expressions, YamlNode node, String path) {
        Optional<Fields> fields = r.fields(node, path, "a mapping of performance", KEYS);
        Optional<Fields> perf = fields.flatMap(f -> f.get("performance")
                .flatMap(n -> r.fields(
                        n, f.path("performance"), "a mapping of latency, throughput, error_rate", PERFORMANCE_KEYS)));
        if (perf.isEmpty()) {
            return ConsoleConfig.DEFAULTS;
        }
        Fields p = perf.get();
        return new ConsoleConfig(
                expressions.expression(p, "latency"),
                expressions.expression(p, "throughput"),
                expressions.expression(p, "error_rate"));
    }
}
