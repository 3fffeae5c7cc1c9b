package dev.steward.core.expect;

import java.time.Duration;

/** A value a probe observed or a condition compares with. */
public sealed interface Value {
    record Num(double value) implements Value {
        @Override
        public String toString() {
            return value == Math.rint(value) && !Double.isInfinite(value)
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    record Text(String value) implements Value {
        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A span of time: latency, time left before a certificate expires. */
    record Dur(Duration value) implements Value {
        @Override
        public String toString() {
            long ms = value.toMillis();
            return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
        }
    }

    static Value num(double v) {
        return new Num(v);
    }

    static Value text(String v) {
        return new Text(v);
    }

    static Value bool(boolean v) {
        return new Bool(v);
    }

    static Value dur(Duration v) {
        return new Dur(v);
    }
}
