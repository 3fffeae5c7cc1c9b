package dev.steward.notify;

import dev.steward.stackfile.References;
import dev.steward.stackfile.SecretFileReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:/path}} in notifier settings exactly as the stack file does (same
 * syntax, same messages), with relative files resolved against the Alertmanager configuration's directory.
 */
public final class SecretResolver {
    private final References references;

    private SecretResolver(References references) {
        this.references = references;
    }

    public static SecretResolver of(
            Function<String, Optional<String>> environment, SecretFileReader files, Path baseDirectory) {
        return new SecretResolver(new References(environment, files, baseDirectory));
    }

    /** The process environment and the file system. */
    public static SecretResolver system(Path baseDirectory) {
        return of(name -> Optional.ofNullable(System.getenv(name)), SecretFileReader.fileSystem(), baseDirectory);
    }

    References.Resolved resolve(String text) {
        return references.resolve(text);
    }
}
