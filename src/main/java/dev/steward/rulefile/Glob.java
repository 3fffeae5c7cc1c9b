package dev.steward.rulefile;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Go's {@code filepath.Glob}: {@code *}, {@code ?} and {@code [...]} match within one path segment; no {@code **}. */
final class Glob {
    private Glob() {}

    static boolean hasWildcards(String glob) {
        return glob.contains("*") || glob.contains("?") || glob.contains("[");
    }

    /** The regular files matching {@code glob}, sorted; relative globs are resolved against {@code base}. */
    static List<Path> expand(Path base, String glob) throws IOException {
        if (glob.contains("**") || glob.contains("{")) {
            throw new IllegalArgumentException("** and {a,b} are not glob syntax here (Go's filepath.Glob)");
        }
        Path pattern = base.resolve(glob).normalize();
        if (!hasWildcards(glob)) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        Path root = pattern.getRoot() == null ? Path.of("") : pattern.getRoot();
        int firstWild = 0;
        while (firstWild < pattern.getNameCount()
                && !hasWildcards(pattern.getName(firstWild).toString())) {
            firstWild++;
        }
        Path start = firstWild == 0 ? root : root.resolve(pattern.subpath(0, firstWild));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + escapeBackslashes(pattern.toString()));
        int depth = pattern.getNameCount() - firstWild;
        try (Stream<Path> walk = Files.walk(start, depth)) {
            return walk.filter(p -> p.getNameCount() == pattern.getNameCount())
                    .filter(matcher::matches)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static String escapeBackslashes(String s) {
        return s.replace("\\", "\\\\");
    }
}
