package dev.steward.actuate.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one command line with {@code /bin/sh -c}, standard input empty, standard error merged into standard output
 * (so the kept tail reads in the order it was written), bounded by a timeout at which the shell and every descendant
 * it still holds are killed (SIGKILL). A descendant that detached itself (double fork, {@code setsid}) escapes: Java
 * has no process groups.
 */
public final class Shell {
    /** Output kept per run: the last 64 KiB. */
    public static final int OUTPUT_CAP = 64 * 1024;

    /** How long to wait for the output's end once the shell is gone, and for killed processes to exit. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private Shell() {}

    /** How a run ended: an exit code, a timeout, or a start that failed; with the tail of the output. */
    public sealed interface Outcome {
        String output();

        record Exited(int code, String output) implements Outcome {}

        record TimedOut(String output) implements Outcome {}

        record NotStarted(String reason) implements Outcome {
            @Override
            public String output() {
                return "";
            }
        }
    }

    public static Outcome run(String command, Map<String, String> env, Optional<Path> workdir, Duration timeout)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        builder.environment().putAll(env);
        workdir.ifPresent(dir -> builder.directory(dir.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return new Outcome.NotStarted("cannot start /bin/sh: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the shell closed its end already; it reads nothing either way
        }
        TailBuffer output = new TailBuffer(process.getInputStream(), OUTPUT_CAP, "actuate-command-output");
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                output.awaitEnd(GRACE);
                return new Outcome.TimedOut(output.text());
            }
            output.awaitEnd(GRACE);
            return new Outcome.Exited(process.exitValue(), output.text());
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    /**
     * Lists the descendants while the shell still holds them (once it dies they are re-parented out of reach), kills
     * the shell so it starts no more, kills the listed descendants, and waits for the shell to be gone. SIGKILL cannot
     * be refused, so the descendants are not waited for (the JDK can only poll for processes that are not its children).
     */
    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process.toHandle());
    }

    private static void awaitExit(ProcessHandle handle) throws InterruptedException {
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // SIGKILL cannot be refused: the shell is gone as soon as the kernel has torn it down
        }
    }
}
