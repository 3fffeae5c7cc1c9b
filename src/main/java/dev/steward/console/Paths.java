package dev.steward.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Console URLs built from names that may hold any character. */
public final class Paths {
    private Paths() {}

    /** {@code name} as one path segment. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether {@code next} is a path on this server (so a login cannot redirect elsewhere). */
    public static boolean local(String next) {
        return next != null
                && next.startsWith("/")
                && !next.startsWith("//")
                && !next.startsWith("/\\")
                && next.chars().noneMatch(c -> c < 0x20);
    }
}
