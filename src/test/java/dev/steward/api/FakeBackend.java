package dev.steward.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.check.CheckState;
import dev.steward.core.check.ProbeResult;
import dev.steward.core.config.CheckConfig;
import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.history.CheckEvent;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.engine.CheckSnapshot;
import dev.steward.scrape.ScrapeLoop;
import dev.steward.stackfile.LoadResult;
import dev.steward.stackfile.StackFileLoader;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ApiBackend} whose answers the test sets, and which records the queries it was asked. */
final class FakeBackend implements ApiBackend {
    /** One call of {@link #rollups} or {@link #events}. */
    record Query(CheckId check, Optional<Resolution> resolution, Instant from, Instant to) {}

    final Instant now;
    final StackConfig config;
    final Map<CheckId, CheckSnapshot> checks = new LinkedHashMap<>();
    final Map<String, ComponentHealth> health = new LinkedHashMap<>();
    final List<Rollup> rollups = new ArrayList<>();
    final List<CheckEvent> events = new ArrayList<>();
    final List<Query> queries = new ArrayList<>();
    final List<String> reloads = new ArrayList<>();
    ReloadOutcome reloadOutcome = new ReloadOutcome.Reloaded(2, 0, 0, 0);
    String metricsText = "";
    RuntimeException failure;

    FakeBackend(Instant now, String stackYaml) {
        this.now = now;
        StackFileLoader loader = new StackFileLoader(name -> Optional.empty(), path -> {
            throw new NoSuchFileException(path.toString());
        });
        LoadResult result = loader.parse(stackYaml, "stack.yml");
        assertThat(StackFileLoader.format(result)).as("errors").isEmpty();
        this.config = ((LoadResult.Loaded) result).config();
        health.put("scheduler", new ComponentHealth(true, Map.of("checks", 2)));
        health.put("store", new ComponentHealth(true, Map.of("database", "sqlite")));
    }

    CheckConfig check(String service, String name) {
        return config.allChecks().stream()
                .filter(c -> c.id().equals(new CheckId(service, name)))
                .findFirst()
                .orElseThrow();
    }

    void snapshot(CheckConfig check, CheckState state, ProbeResult last) {
        checks.put(check.id(), new CheckSnapshot(check, state, Optional.ofNullable(last), Optional.empty(), false));
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public StackConfig config() {
        maybeFail();
        return config;
    }

    @Override
    public Map<CheckId, CheckSnapshot> checks() {
        maybeFail();
        return checks;
    }

    @Override
    public List<ScrapeLoop.TargetStatus> scrapes() {
        return List.of();
    }

    @Override
    public List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to) {
        maybeFail();
        queries.add(new Query(check, Optional.of(resolution), from, to));
        return rollups;
    }

    @Override
    public List<CheckEvent> events(CheckId check, Instant from, Instant to, int limit) {
        queries.add(new Query(check, Optional.empty(), from, to));
        return events;
    }

    @Override
    public ReloadOutcome reload(String trigger) {
        maybeFail();
        reloads.add(trigger);
        return reloadOutcome;
    }

    @Override
    public String metricsText() {
        maybeFail();
        return metricsText;
    }

    @Override
    public Map<String, ComponentHealth> health() {
        maybeFail();
        return health;
    }

    @Override
    public Instant now() {
        return now;
    }
}
