package dev.steward.promql;

import dev.steward.core.promql.conformance.ConformanceSuite;
import dev.steward.core.promql.conformance.FileReport;
import dev.steward.core.promql.conformance.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs PromQL conformance scripts from files: each path is a {@code .test} file or a directory whose {@code .test}
 * files run in name order. For {@code steward conformance promql PATH...}: print the report, exit 0 only when
 * {@link Report#ok()}.
 */
public final class ConformanceRunner {
    private ConformanceRunner() {}

    public static Report run(List<Path> paths) {
        return run(paths, new ConformanceSuite());
    }

    public static Report run(List<Path> paths, ConformanceSuite suite) {
        List<FileReport> files = new ArrayList<>();
        for (Path p : expand(paths, files)) {
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                files.add(new FileReport(p.toString(), List.of(), "cannot read file: " + e.getMessage()));
                continue;
            }
            files.add(suite.runFile(p.getFileName().toString(), text));
        }
        return new Report(files);
    }

    private static List<Path> expand(List<Path> paths, List<FileReport> errors) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".test"))
                            .sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    errors.add(new FileReport(p.toString(), List.of(), "cannot list directory: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                errors.add(new FileReport(p.toString(), List.of(), "no such file or directory"));
            }
        }
        return out;
    }

    /** {@code java ... dev.steward.promql.ConformanceRunner PATH...}: prints the report; exit 1 when any case failed. */
    public static void main(String[] args) {
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        Report report = run(paths);
        report.print(System.out);
        System.exit(report.ok() ? 0 : 1);
    }
}
