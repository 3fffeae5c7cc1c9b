package dev.steward.core.exposition;

import dev.steward.core.series.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders metric families in the Prometheus text format 0.0.4, for Steward's own {@code GET /metrics}. Families with
 * the same name are merged under one {@code # HELP} and one {@code # TYPE} line, in the order they first appear;
 * label values and help texts are escaped. A name that the format cannot carry is a programming error and is
 * rejected with an exception naming it.
 */
public final class ExpositionWriter {
    /** The {@code Content-Type} of what this writer produces. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private ExpositionWriter() {}

    public static String write(Collection<MetricFamily> families) {
        StringBuilder sb = new StringBuilder(families.size() * 128);
        write(families, sb);
        return sb.toString();
    }

    public static byte[] writeUtf8(Collection<MetricFamily> families) {
        return write(families).getBytes(StandardCharsets.UTF_8);
    }

    public static void write(Collection<MetricFamily> families, StringBuilder out) {
        for (MetricFamily family : merge(families)) {
            checkMetricName(family.name(), "family");
            out.append("# HELP ").append(family.name()).append(' ');
            appendHelp(out, family.help());
            out.append("\n# TYPE ")
                    .append(family.name())
                    .append(' ')
                    .append(family.type().textName())
                    .append('\n');
            for (MetricFamily.Sample s : family.samples()) {
                checkSampleName(family, s.name());
                appendSample(out, s);
            }
        }
    }

    private static List<MetricFamily> merge(Collection<MetricFamily> families) {
        Map<String, MetricFamily> byName = new LinkedHashMap<>();
        for (MetricFamily f : families) {
            MetricFamily seen = byName.get(f.name());
            if (seen == null) {
                byName.put(f.name(), f);
            } else if (seen.type() != f.type()) {
                throw new IllegalArgumentException("metric family " + f.name() + " is declared as both "
                        + seen.type().textName() + " and " + f.type().textName());
            } else {
                List<MetricFamily.Sample> all = new ArrayList<>(seen.samples());
                all.addAll(f.samples());
                byName.put(f.name(), new MetricFamily(f.name(), f.type(), seen.help(), all));
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static void appendSample(StringBuilder out, MetricFamily.Sample s) {
        out.append(s.name());
        Labels labels = s.labels();
        boolean open = false;
        for (int i = 0; i < labels.size(); i++) {
            String name = labels.nameAt(i);
            if (name.equals(Labels.METRIC_NAME)) {
                continue;
            }
            checkLabelName(name, s.name());
            out.append(open ? "," : "{").append(name).append("=\"");
            appendLabelValue(out, labels.valueAt(i));
            out.append('"');
            open = true;
        }
        if (open) {
            out.append('}');
        }
        out.append(' ');
        appendValue(out, s.value());
        if (s.timestampMs().isPresent()) {
            out.append(' ').append(s.timestampMs().getAsLong());
        }
        out.append('\n');
    }

    /** Go's shortest form where it matters: integers without a fraction, {@code +Inf}, {@code -Inf}, {@code NaN}. */
    static void appendValue(StringBuilder out, double v) {
        if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
        } else if (v == 0 && Double.doubleToRawLongBits(v) != 0) {
            out.append("-0");
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else {
            out.append(v);
        }
    }

    private static void appendHelp(StringBuilder out, String help) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static void appendLabelValue(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static void checkSampleName(MetricFamily family, String name) {
        checkMetricName(name, "sample");
        String base = family.name();
        boolean ok = switch (family.type()) {
            case HISTOGRAM, GAUGE_HISTOGRAM ->
                name.equals(base + "_bucket") || name.equals(base + "_sum") || name.equals(base + "_count");
            case SUMMARY -> name.equals(base) || name.equals(base + "_sum") || name.equals(base + "_count");
            default -> name.equals(base);
        };
        if (!ok) {
            throw new IllegalArgumentException(
                    "sample " + name + " does not belong to " + family.type().textName() + " family " + base);
        }
    }

    private static void checkMetricName(String name, String what) {
        boolean ok = !name.isEmpty();
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '_'
                    || c == ':'
                    || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException(
                    what + " name \"" + name + "\" is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
    }

    private static void checkLabelName(String name, String sample) {
        boolean ok = !name.isEmpty() && !name.startsWith("__");
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException("label name \"" + name + "\" on sample " + sample
                    + " is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
        }
    }
}
