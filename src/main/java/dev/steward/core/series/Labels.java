package dev.steward.core.series;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An immutable label set sorted by name, the identity of a series. The metric name is the label {@code __name__}.
 * Stored as one array of alternating names and values so that a series costs two references per label; a label with
 * an empty value is the same as an absent label (as in Prometheus) and is never stored.
 */
public final class Labels implements Comparable<Labels> {
    public static final String METRIC_NAME = "__name__";
    public static final Labels EMPTY = new Labels(new String[0]);

    private final String[] pairs;
    private final int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
        this.hash = Arrays.hashCode(pairs);
    }

    /** Labels from alternating names and values: {@code Labels.of("__name__", "up", "job", "api")}. */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels.of needs name/value pairs, got an odd count "
                    + namesAndValues.length + ": " + Arrays.toString(namesAndValues));
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Labels of a metric name followed by alternating label names and values. */
    public static Labels metric(String metricName, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Labels.metric needs name/value pairs after the metric name, got an odd"
                    + " count " + namesAndValues.length + ": " + Arrays.toString(namesAndValues));
        }
        Builder b = builder().add(METRIC_NAME, metricName);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static Labels fromMap(Map<String, String> map) {
        Builder b = builder();
        map.forEach(b::add);
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these labels, to add, replace or remove some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b;
    }

    /** The value of the label, or null when absent. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : pairs[2 * i + 1];
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The metric name ({@code __name__}), or null when the series has none. */
    public String metricName() {
        return get(METRIC_NAME);
    }

    public int size() {
        return pairs.length / 2;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public String nameAt(int i) {
        return pairs[2 * i];
    }

    public String valueAt(int i) {
        return pairs[2 * i + 1];
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** Names and values in label order, as an insertion-ordered map. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    /** These labels without the named ones (for example without {@code __name__} after a PromQL function). */
    public Labels without(String... names) {
        Builder b = toBuilder();
        for (String n : names) {
            b.remove(n);
        }
        return b.build();
    }

    private int indexOf(String name) {
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = pairs[2 * mid].compareTo(name);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Labels over an array of alternating names and values already sorted by name; the array is not copied. */
    static Labels ofSortedPairs(String[] pairs) {
        return new Labels(pairs);
    }

    /** Estimated heap bytes of this object and its array, not counting the strings (they are shared). */
    long shallowBytes() {
        return 24 + 16 + 4L * pairs.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && hash == other.hash && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Orders label sets the way Prometheus sorts series: label by label, name first, then value. */
    @Override
    public int compareTo(Labels o) {
        int n = Math.min(pairs.length, o.pairs.length);
        for (int i = 0; i < n; i++) {
            int c = pairs[i].compareTo(o.pairs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pairs.length, o.pairs.length);
    }

    /**
     * Prometheus form: {@code up{job="api"}}, {@code up} alone, or {@code {job="api"}} when there is no metric name.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String name = metricName();
        if (name != null) {
            sb.append(name);
            if (pairs.length == 2) {
                return sb.toString();
            }
        }
        sb.append('{');
        boolean first = true;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(METRIC_NAME)) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(pairs[i]).append("=\"");
            appendEscaped(sb, pairs[i + 1]);
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }

    /** Collects labels in any order; {@link #build()} sorts them. A later {@code add} of a name replaces it. */
    public static final class Builder {
        private String[] pairs = new String[16];
        private int size;

        public Builder add(String name, String value) {
            Objects.requireNonNull(name, "label name");
            Objects.requireNonNull(value, () -> "value of label " + name);
            for (int i = 0; i < size; i += 2) {
                if (pairs[i].equals(name)) {
                    pairs[i + 1] = value;
                    return this;
                }
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = name;
            pairs[size++] = value;
            return this;
        }

        /** Empties the builder so it can be reused for the next label set. */
        public Builder clear() {
            Arrays.fill(pairs, 0, size, null);
            size = 0;
            return this;
        }

        public Builder remove(String name) {
            for (int i = 0; i < size; i += 2) {
                if (pairs[i].equals(name)) {
                    System.arraycopy(pairs, i + 2, pairs, i, size - i - 2);
                    size -= 2;
                    return this;
                }
            }
            return this;
        }

        public Labels build() {
            int n = 0;
            for (int i = 0; i < size; i += 2) {
                if (!pairs[i + 1].isEmpty()) {
                    n++;
                }
            }
            String[] out = new String[2 * n];
            int len = 0;
            for (int i = 0; i < size; i += 2) {
                if (pairs[i + 1].isEmpty()) {
                    continue;
                }
                int j = len;
                while (j > 0 && out[j - 2].compareTo(pairs[i]) > 0) {
                    out[j] = out[j - 2];
                    out[j + 1] = out[j - 1];
                    j -= 2;
                }
                out[j] = pairs[i];
                out[j + 1] = pairs[i + 1];
                len += 2;
            }
            return n == 0 ? EMPTY : new Labels(out);
        }
    }
}
