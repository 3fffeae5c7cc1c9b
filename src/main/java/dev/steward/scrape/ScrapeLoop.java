package dev.steward.scrape;

import dev.steward.core.config.ScrapeConfig;
import dev.steward.core.config.ServiceConfig;
import dev.steward.core.config.StackConfig;
import dev.steward.core.exposition.ExpositionParser;
import dev.steward.core.exposition.ParseResult;
import dev.steward.core.schedule.Jitter;
import dev.steward.core.schedule.Timetable;
import dev.steward.core.series.Labels;
import dev.steward.core.series.SeriesStore;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Scrapes every service's {@code metrics} endpoint at its interval. Samples get the labels {@code stack}, {@code
 * service} and {@code instance}; a label of the same name sent by the target is kept as {@code exported_<name>}, as
 * Prometheus does without {@code honor_labels}. A failed or malformed scrape stores nothing but {@code up 0}.
 */
public final class ScrapeLoop {
    static final String ACCEPT =
            "application/openmetrics-text;version=1.0.0;q=0.75," + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final InstantSource clock;
    private final LongSupplier nanoTicker;
    private final SeriesStore store;
    private final Executor executor;
    private final HttpClient http;
    private final Timetable<String> timetable = new Timetable<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();

    private record Target(String stack, String service, ScrapeConfig config) {}

    /** The latest outcome of each target, for the status API. */
    public record TargetStatus(String service, String url, boolean up, Optional<String> error, Instant lastScrape) {}

    private final Map<String, TargetStatus> status = new java.util.concurrent.ConcurrentHashMap<>();

    public ScrapeLoop(
            InstantSource clock, LongSupplier nanoTicker, SeriesStore store, Executor executor, HttpClient http) {
        this.clock = clock;
        this.nanoTicker = nanoTicker;
        this.store = store;
        this.executor = executor;
        this.http = http;
    }

    public synchronized void configure(StackConfig stack, Instant now) {
        Map<String, Target> wanted = new LinkedHashMap<>();
        for (ServiceConfig s : stack.services().values()) {
            s.metrics().ifPresent(m -> wanted.put(s.name(), new Target(stack.stack(), s.name(), m)));
        }
        targets.keySet().removeIf(k -> {
            boolean drop = !targets.get(k).equals(wanted.get(k));
            if (drop) {
                timetable.remove(k);
                status.remove(k);
            }
            return drop;
        });
        wanted.forEach((k, t) -> {
            if (targets.putIfAbsent(k, t) == null) {
                timetable.schedule(k, Jitter.firstDue("scrape/" + k, t.config().interval(), now));
            }
        });
    }

    public int runDue(Instant now) {
        List<Target> due = new ArrayList<>();
        synchronized (this) {
            for (Timetable.Due<String> d : timetable.pollDue(now)) {
                Target t = targets.get(d.key());
                if (t != null) {
                    due.add(t);
                }
            }
        }
        due.forEach(t -> executor.execute(() -> scrape(t)));
        return due.size();
    }

    public synchronized Optional<Instant> nextDue() {
        return timetable.nextDue();
    }

    public List<TargetStatus> status() {
        return List.copyOf(status.values());
    }

    void scrape(Target target) {
        Instant start = clock.instant();
        try {
            scrapeOnce(target, start);
        } catch (RuntimeException e) {
            status.put(
                    target.service(),
                    new TargetStatus(
                            target.service(),
                            target.config().url().toString(),
                            false,
                            Optional.of("scrape failed: " + e),
                            start));
        } finally {
            synchronized (this) {
                if (targets.get(target.service()) == target) {
                    Instant next = start.plus(target.config().interval());
                    Instant now = clock.instant();
                    timetable.schedule(target.service(), next.isBefore(now) ? now : next);
                }
            }
        }
    }

    private void scrapeOnce(Target target, Instant start) {
        long t0 = nanoTicker.getAsLong();
        long ts = start.toEpochMilli();
        ScrapeConfig c = target.config();
        Labels base = Labels.of("stack", target.stack(), "service", target.service(), "instance", instance(c));
        Optional<String> error;
        int samples = 0;
        try {
            HttpRequest.Builder req =
                    HttpRequest.newBuilder(c.url()).timeout(c.timeout()).header("Accept", ACCEPT);
            c.headers().forEach((k, v) -> req.header(k, v.reveal()));
            HttpResponse<byte[]> resp = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() / 100 != 2) {
                error = Optional.of("server returned HTTP status " + resp.statusCode());
            } else {
                String type = resp.headers().firstValue("Content-Type").orElse("text/plain");
                List<Object[]> buffered = new ArrayList<>();
                ParseResult parsed = new ExpositionParser()
                        .parse(
                                resp.body(),
                                type,
                                (name, labels, value, tms) ->
                                        buffered.add(new Object[] {relabel(labels, base), value, tms.orElse(ts)}));
                switch (parsed) {
                    case ParseResult.Failed f -> error = Optional.of("malformed exposition: " + f.error());
                    case ParseResult.Parsed p -> {
                        for (Object[] s : buffered) {
                            store.append((Labels) s[0], (Long) s[2], (Double) s[1]);
                        }
                        samples = buffered.size();
                        error = Optional.empty();
                    }
                }
            }
        } catch (java.net.http.HttpTimeoutException e) {
            error = Optional.of("timeout after " + c.timeout().toMillis() + "ms");
        } catch (IOException e) {
            error = Optional.of(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        double seconds = (nanoTicker.getAsLong() - t0) / 1e9;
        store.append(with(base, "up"), ts, error.isEmpty() ? 1 : 0);
        store.append(with(base, "scrape_duration_seconds"), ts, seconds);
        store.append(with(base, "scrape_samples_scraped"), ts, samples);
        status.put(
                target.service(),
                new TargetStatus(target.service(), c.url().toString(), error.isEmpty(), error, start));
    }

    static Labels relabel(Labels scraped, Labels base) {
        Labels.Builder b = scraped.toBuilder();
        base.forEach((name, value) -> {
            String theirs = scraped.get(name);
            if (theirs != null) {
                b.add("exported_" + name, theirs);
            }
            b.add(name, value);
        });
        return b.build();
    }

    private static Labels with(Labels base, String name) {
        return base.toBuilder().add("__name__", name).build();
    }

    private static String instance(ScrapeConfig c) {
        int port = c.url().getPort() != -1
                ? c.url().getPort()
                : c.url().getScheme().equals("https") ? 443 : 80;
        return c.url().getHost() + ":" + port;
    }
}
