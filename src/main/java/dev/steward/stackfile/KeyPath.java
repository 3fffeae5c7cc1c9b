package dev.steward.stackfile;

import java.util.regex.Pattern;

/** Builds the document paths used in error messages: {@code services.api.checks[0].http.headers["X.Y"]}. */
final class KeyPath {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private KeyPath() {}

    static String key(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[" + Quote.of(key) + "]";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
