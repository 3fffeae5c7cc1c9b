package dev.steward.core.rule.template;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prometheus's {@code humanize*} template functions: numbers for people, with the same digits Prometheus prints. */
public final class Humanize {
    private static final String[] BIG = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
    private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
    private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Humanize() {}

    /** SI prefixes: {@code 1234567 -> 1.235M}, {@code 0.0012 -> 1.2m}. */
    public static String metric(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return g4(v);
        }
        String prefix = "";
        if (Math.abs(v) >= 1) {
            for (String p : BIG) {
                if (Math.abs(v) < 1000) {
                    break;
                }
                prefix = p;
                v /= 1000;
            }
        } else {
            for (String p : SMALL) {
                if (Math.abs(v) >= 1) {
                    break;
                }
                prefix = p;
                v *= 1000;
            }
        }
        return g4(v) + prefix;
    }

    /** Binary prefixes: {@code 1048576 -> 1Mi}. */
    public static String binary(double v) {
        if (Math.abs(v) <= 1 || !Double.isFinite(v)) {
            return g4(v);
        }
        String prefix = "";
        for (String p : BINARY) {
            if (Math.abs(v) < 1024) {
                break;
            }
            prefix = p;
            v /= 1024;
        }
        return g4(v) + prefix;
    }

    /** Seconds as a duration: {@code 90061 -> 1d 1h 1m 1s}, {@code 1.5 -> 1.5s}, {@code 0.002 -> 2ms}. */
    public static String duration(double v) {
        if (!Double.isFinite(v)) {
            return g4(v);
        }
        if (v == 0) {
            return g4(v) + "s";
        }
        if (Math.abs(v) >= 1) {
            String sign = v < 0 ? "-" : "";
            double abs = Math.abs(v);
            long total = (long) abs;
            long seconds = total % 60;
            long minutes = total / 60 % 60;
            long hours = total / 3600 % 24;
            long days = total / 86400;
            if (days != 0) {
                return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
            } else if (hours != 0) {
                return sign + hours + "h " + minutes + "m " + seconds + "s";
            } else if (minutes != 0) {
                return sign + minutes + "m " + seconds + "s";
            }
            return sign + g4(abs) + "s";
        }
        String prefix = "";
        for (String p : SMALL) {
            if (Math.abs(v) >= 1) {
                break;
            }
            prefix = p;
            v *= 1000;
        }
        return g4(v) + prefix + "s";
    }

    /** A ratio as a percentage: {@code 0.1234 -> 12.34%}. */
    public static String percentage(double v) {
        return g4(v * 100) + "%";
    }

    /**
     * Unix seconds as a UTC time in Go's default layout, to the millisecond as Prometheus does: {@code 1435065584.128
     * -> 2015-06-23 13:19:44.128 +0000 UTC}.
     */
    public static String timestamp(double v) {
        if (!Double.isFinite(v)) {
            return g4(v);
        }
        long millis = (long) (v * 1e3);
        Instant t = Instant.ofEpochMilli(millis);
        StringBuilder b = new StringBuilder(SECONDS.format(t.atOffset(ZoneOffset.UTC)));
        int ms = (int) Math.floorMod(millis, 1000L);
        if (ms != 0) {
            String fraction = String.format(".%03d", ms);
            b.append(fraction.replaceAll("0+$", ""));
        }
        return b.append(" +0000 UTC").toString();
    }

    private static String g4(double v) {
        return GoFloat.g(v, 4, false);
    }
}
