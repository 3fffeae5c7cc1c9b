package dev.steward.actuate.kubernetes;

import java.util.Optional;

/** The image a version runs as: from the configured template, or the current image with its tag replaced. */
final class Images {
    /** What Docker accepts as a tag. */
    private static final String TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

    private Images() {}

    static boolean validTag(String version) {
        return version != null && version.matches(TAG);
    }

    /** {@code registry:5000/team/api@sha256:...} or {@code registry:5000/team/api:1.0} to {@code ...api:<version>}. */
    static String forVersion(Optional<String> template, String current, String version) {
        if (template.isPresent()) {
            return template.get().replace("${version}", version);
        }
        String image = current.contains("@") ? current.substring(0, current.indexOf('@')) : current;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String repository = colon > slash ? image.substring(0, colon) : image;
        return repository + ":" + version;
    }
}
