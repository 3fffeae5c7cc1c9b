package dev.steward.app;

import dev.steward.store.jdbc.Database;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data DIR | --store URL}: opens the daemon's store offline, as {@code steward run} would. */
final class StoreArgs {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "steward-data",
            description = "The daemon's data directory (SQLite store). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            description = "The daemon's JDBC store instead of --data; user and password from STEWARD_STORE_USER and "
                    + "STEWARD_STORE_PASSWORD.")
    String store;

    Database open() {
        return store == null
                ? Database.sqlite(data)
                : Database.open(
                        store,
                        Optional.ofNullable(System.getenv("STEWARD_STORE_USER")),
                        Optional.ofNullable(System.getenv("STEWARD_STORE_PASSWORD")));
    }
}
