package dev.steward.probe.command;

import dev.steward.core.config.ProbeSpec;
import dev.steward.core.expect.Observation;
import dev.steward.core.expect.Value;
import dev.steward.core.probe.Failure;
import dev.steward.core.probe.FailureKind;
import dev.steward.core.probe.ProbeObservation;
import dev.steward.core.probe.Prober;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code command} probe. Facts: {@code exit_code}, {@code stdout}, {@code stderr} (UTF-8, each capped at {@link
 * #OUTPUT_CAP}; {@code stdout_truncated}/{@code stderr_truncated} say when more was written) and {@code latency}. A
 * non-zero exit code is a fact, not a failure. Standard input is empty. At the timeout the process and all its
 * descendants are killed (SIGKILL) and the result is a TIMEOUT carrying the output seen so far. A program that cannot
 * be started (not found, not executable, missing working directory) is a CONNECT failure: the probe could not reach
 * its target, as a refused connection.
 */
public final class CommandProber implements Prober<ProbeSpec.Command> {
    /** Output is kept up to 64 KiB per stream. */
    public static final int OUTPUT_CAP = 64 * 1024;

    /** How long to wait, after the process ended, for output still held by background descendants. */
    private static final Duration OUTPUT_GRACE = Duration.ofMillis(20);

    @Override
    public ProbeObservation probe(ProbeSpec.Command spec, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Process process;
        try {
            process = builder(spec).start();
        } catch (IOException | RuntimeException e) {
            return ProbeObservation.failed(
                    elapsed(start),
                    Failure.of(FailureKind.CONNECT, "cannot start " + spec.target() + ": " + e.getMessage()));
        }
        closeStdin(process);
        CappedStream stdout = new CappedStream(process.getInputStream(), OUTPUT_CAP, "probe-command-stdout");
        CappedStream stderr = new CappedStream(process.getErrorStream(), OUTPUT_CAP, "probe-command-stderr");
        try {
            boolean exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!exited) {
                return killed(spec, process, stdout, stderr, start, timeout);
            }
            Duration latency = elapsed(start);
            long outputDeadline = Math.max(deadline, System.nanoTime() + OUTPUT_GRACE.toNanos());
            stdout.awaitEnd(outputDeadline);
            stderr.awaitEnd(outputDeadline);
            return ProbeObservation.answered(
                    latency,
                    output(stdout, stderr)
                            .fact("exit_code", Value.num(process.exitValue()))
                            .fact("latency", Value.dur(latency))
                            .build());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return ProbeObservation.failed(
                    elapsed(start), Failure.of(FailureKind.TIMEOUT, "probe of " + spec.target() + " interrupted"));
        }
    }

    private static ProcessBuilder builder(ProbeSpec.Command spec) {
        ProcessBuilder builder = new ProcessBuilder(spec.argv());
        spec.env().forEach((name, value) -> builder.environment().put(name, value.reveal()));
        spec.workdir().ifPresent(dir -> builder.directory(dir.toFile()));
        return builder;
    }

    private static ProbeObservation killed(
            ProbeSpec.Command spec,
            Process process,
            CappedStream stdout,
            CappedStream stderr,
            long start,
            Duration timeout)
            throws InterruptedException {
        killTree(process);
        long end = System.nanoTime() + OUTPUT_GRACE.toNanos();
        stdout.awaitEnd(end);
        stderr.awaitEnd(end);
        Duration latency = elapsed(start);
        Failure failure = Failure.of(
                FailureKind.TIMEOUT,
                spec.target() + " still running after " + timeout.toMillis() + " ms; killed it and its children");
        return new ProbeObservation(
                latency,
                output(stdout, stderr).fact("latency", Value.dur(latency)).build(),
                Optional.of(failure),
                List.of());
    }

    /**
     * Lists the descendants while the process still holds them (once it dies they are re-parented and out of reach),
     * kills the process so it starts no more, then kills the listed descendants. A grandchild that detached itself
     * (double fork, {@code setsid}) before the timeout escapes: Java has no process groups.
     */
    private static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void closeStdin(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process already closed its end; it reads nothing either way
        }
    }

    private static Observation.Builder output(CappedStream stdout, CappedStream stderr) {
        return Observation.builder()
                .fact("stdout", Value.text(stdout.text()))
                .fact("stderr", Value.text(stderr.text()))
                .fact("stdout_truncated", Value.bool(stdout.truncated()))
                .fact("stderr_truncated", Value.bool(stderr.truncated()));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
