package dev.steward.core.promql.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Conformance results of many files: a table per file, totals, and every failure with its reason. */
public record Report(List<FileReport> files) {
    public long passed() {
        return files.stream().mapToLong(FileReport::passed).sum();
    }

    public long failed() {
        return files.stream().mapToLong(FileReport::failed).sum();
    }

    public long skipped() {
        return files.stream().mapToLong(FileReport::skipped).sum();
    }

    /** Passed cases over cases that ran (not skipped); 1 when none ran. */
    public double passRate() {
        long ran = passed() + failed();
        return ran == 0 ? 1 : (double) passed() / ran;
    }

    /** Whether nothing failed. */
    public boolean ok() {
        return failed() == 0;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        String row = "%-28s %8s %8s %8s %8s%n";
        sb.append(String.format(row, "file", "passed", "failed", "skipped", "total"));
        for (FileReport f : files) {
            sb.append(String.format(
                    row, f.file(), f.passed(), f.failed(), f.skipped(), f.passed() + f.failed() + f.skipped()));
        }
        sb.append(String.format(row, "TOTAL", passed(), failed(), skipped(), passed() + failed() + skipped()));
        sb.append(String.format("pass rate of cases run (skipped excluded): %.2f %%%n", passRate() * 100));
        for (FileReport f : files) {
            if (f.error() != null) {
                sb.append("FAIL ")
                        .append(f.file())
                        .append(": ")
                        .append(f.error())
                        .append('\n');
            }
            for (CaseOutcome o : f.outcomes()) {
                if (o.status() == CaseOutcome.Status.FAILED) {
                    sb.append("FAIL ")
                            .append(o.file())
                            .append(':')
                            .append(o.line())
                            .append("  ")
                            .append(o.query())
                            .append("\n     ")
                            .append(o.reason())
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@link #render()} to the output, a {@code PrintStream} such as {@code System.out} for instance. */
    public void print(Appendable out) {
        try {
            out.append(render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
