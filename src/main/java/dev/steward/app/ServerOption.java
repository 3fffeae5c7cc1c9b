package dev.steward.app;

import java.net.URI;
import picocli.CommandLine.Option;

/** {@code --server}: the running daemon a command talks to (a picocli mixin of every such command). */
final class ServerOption {
    @Option(
            names = "--server",
            paramLabel = "URL",
            defaultValue = "http://127.0.0.1:" + DaemonOptions.DEFAULT_PORT,
            description = "The daemon's base URL. Default: ${DEFAULT-VALUE}.")
    URI url;

    ApiClient client() {
        return new ApiClient(url);
    }
}
