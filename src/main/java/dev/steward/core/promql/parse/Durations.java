package dev.steward.core.promql.parse;

/** PromQL durations such as {@code 1h30m}, {@code 250ms} or {@code 2w}: units y, w, d, h, m, s, ms, largest first. */
public final class Durations {
    private static final String UNITS = "ywdhms";

    private Durations() {}

    static boolean isUnitStart(String s, int i) {
        return UNITS.indexOf(s.charAt(i)) >= 0;
    }

    /**
     * The duration in milliseconds.
     *
     * @throws IllegalArgumentException when the text is not a duration; the message says why
     */
    public static long parseMillis(String text) {
        if (text.equals("0")) {
            return 0;
        }
        long total = 0;
        int i = 0;
        int lastRank = Integer.MAX_VALUE;
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
            }
            long n = Long.parseLong(text.substring(start, i));
            String unit = text.startsWith("ms", i) ? "ms" : i < text.length() ? text.substring(i, i + 1) : "";
            int rank = rank(unit);
            if (rank < 0 || rank >= lastRank) {
                throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
            }
            lastRank = rank;
            total = Math.addExact(total, Math.multiplyExact(n, unitMillis(unit)));
            i += unit.length();
        }
        return total;
    }

    private static int rank(String unit) {
        return switch (unit) {
            case "y" -> 6;
            case "w" -> 5;
            case "d" -> 4;
            case "h" -> 3;
            case "m" -> 2;
            case "s" -> 1;
            case "ms" -> 0;
            default -> -1;
        };
    }

    private static long unitMillis(String unit) {
        return switch (unit) {
            case "y" -> 365L * 24 * 3600 * 1000;
            case "w" -> 7L * 24 * 3600 * 1000;
            case "d" -> 24L * 3600 * 1000;
            case "h" -> 3600L * 1000;
            case "m" -> 60L * 1000;
            case "s" -> 1000;
            default -> 1;
        };
    }

    /** Prometheus's shortest form, for example {@code 1h30m} or {@code 5m}; {@code 0s} for zero. */
    public static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (millis < 0) {
            sb.append('-');
            millis = -millis;
        }
        String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
        for (String u : units) {
            long m = unitMillis(u);
            if (millis >= m) {
                sb.append(millis / m).append(u);
                millis %= m;
            }
        }
        return sb.toString();
    }
}
