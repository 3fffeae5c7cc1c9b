package dev.steward.app;

import dev.steward.core.config.StackConfig;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code steward oncall}: offline questions about the on-call configuration of a stack file, no daemon needed. */
@Command(
        name = "oncall",
        description = "Who is paged, and when nobody would be: reads the stack file, needs no daemon.",
        subcommands = {OnCallWhoCommand.class, OnCallGapsCommand.class})
final class OnCallCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** The stack of {@code file}, or empty after printing every error. */
    static Optional<StackConfig> load(Path file, PrintWriter err) {
        LoadResult loaded = StackFileLoader.fromSystem().load(file);
        if (loaded instanceof LoadResult.Invalid invalid) {
            ValidateCommand.printErrors(err, StackFileLoader.format(invalid));
            return Optional.empty();
        }
        return Optional.of(((LoadResult.Loaded) loaded).config());
    }

    static int usageError(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return 2;
    }

    /** An instant in UTC and, unless {@code zone} is UTC, local: {@code 2026-11-29T02:00:00Z (Sun 2026-11-29 03:00 CET)}. */
    static String time(Instant at, ZoneId zone) {
        if (zone.equals(java.time.ZoneOffset.UTC)) {
            return at.toString();
        }
        return at + " (" + LOCAL.format(at.atZone(zone)) + ")";
    }
}
