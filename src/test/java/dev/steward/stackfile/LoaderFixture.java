package dev.steward.stackfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.config.StackConfig;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loader over a fixed environment and fixed secret files, and helpers to look at its results. */
final class LoaderFixture {
    static final Map<String, String> ENV = Map.of(
            "API_HEALTH_TOKEN", "tok-4f9a-SECRET",
            "PG_PASSWORD", "pg-pw-SECRET",
            "REDIS_PASSWORD", "redis-pw-SECRET",
            "SLACK_TOKEN", "slack-SECRET",
            "API_HOST", "127.0.0.1",
            "METRICS_KEY", "metrics-SECRET",
            "ES_KEY", "es-key-SECRET");
    static final Map<Path, String> FILES = Map.of(
            Path.of("/run/secrets/es_password"), "es-pw-SECRET\n",
            Path.of("/etc/steward/secrets/basic"), "basic-SECRET\r\n");
    static final List<String> SECRET_VALUES = List.of(
            "tok-4f9a-SECRET",
            "pg-pw-SECRET",
            "redis-pw-SECRET",
            "slack-SECRET",
            "es-pw-SECRET",
            "basic-SECRET",
            "metrics-SECRET",
            "es-key-SECRET");

    static final StackFileLoader LOADER = new StackFileLoader(name -> Optional.ofNullable(ENV.get(name)), path -> {
        String content = FILES.get(path);
        if (content == null) {
            throw new NoSuchFileException(path.toString());
        }
        return content;
    });

    private LoaderFixture() {}

    static LoadResult parse(String yaml) {
        return LOADER.parse(yaml, "/etc/steward/stack.yml");
    }

    static StackConfig loaded(String yaml) {
        LoadResult r = parse(yaml);
        assertThat(StackFileLoader.format(r)).as("errors").isEmpty();
        return ((LoadResult.Loaded) r).config();
    }

    static List<ConfigError> errors(String yaml) {
        LoadResult r = parse(yaml);
        assertThat(r).as("result of%n%s", yaml).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid) r).errors();
    }

    static ConfigError onlyError(String yaml) {
        List<ConfigError> errors = errors(yaml);
        assertThat(errors).as("errors").extracting(ConfigError::format).hasSize(1);
        return errors.getFirst();
    }
}
