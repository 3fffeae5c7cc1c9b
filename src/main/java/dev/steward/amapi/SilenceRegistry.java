package dev.steward.amapi;

import dev.steward.core.series.Labels;
import dev.steward.core.silence.ExpireOutcome;
import dev.steward.core.silence.SetOutcome;
import dev.steward.core.silence.Silence;
import dev.steward.core.silence.SilenceLimits;
import dev.steward.core.silence.SilenceRequest;
import dev.steward.core.silence.SilenceStore;
import dev.steward.core.silence.Silences;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The daemon's current silences: applies {@link Silences}' rules at the clock's instant and writes every changed
 * silence to the store before answering, so that what a client was told is durable. Changes are serialised; reads
 * see the last committed collection.
 */
public final class SilenceRegistry {
    private final SilenceStore store;
    private final InstantSource clock;
    private final SilenceLimits limits;
    private final Supplier<String> newId;
    private volatile Silences current;
    private volatile Changes changes = (action, before, after) -> {};

    /**
     * Told of every stored change, after it was stored (the audit log): {@code action} is {@code silence.create},
     * {@code silence.update} or {@code silence.expire}; {@code before} is empty for a new silence.
     */
    @FunctionalInterface
    public interface Changes {
        void changed(String action, Optional<Silence> before, Silence after);
    }

    /** Where stored changes are reported; one listener, set once by the composition root. */
    public void onChange(Changes listener) {
        this.changes = listener;
    }

    public SilenceRegistry(SilenceStore store, InstantSource clock, SilenceLimits limits, Supplier<String> newId) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.newId = newId;
        this.current = Silences.of(store.loadAll());
    }

    /** A registry that names new silences with random UUIDs, as Alertmanager does. */
    public static SilenceRegistry withRandomIds(SilenceStore store, InstantSource clock, SilenceLimits limits) {
        return new SilenceRegistry(store, clock, limits, () -> UUID.randomUUID().toString());
    }

    public Instant now() {
        return clock.instant();
    }

    public Silences current() {
        return current;
    }

    public Optional<Silence> get(String id) {
        return current.get(id);
    }

    public List<String> silenced(Labels labels) {
        return current.silenced(labels, clock.instant());
    }

    public synchronized SetOutcome set(SilenceRequest request) {
        Silences before = current;
        SetOutcome out = current.set(request, clock.instant(), limits, newId);
        out.changed().forEach(store::save);
        switch (out) {
            case SetOutcome.Created c -> {
                current = c.silences();
                c.replaced().ifPresent(r -> changes.changed("silence.expire", before.get(r.id()), r));
                changes.changed("silence.create", Optional.empty(), c.silence());
            }
            case SetOutcome.Updated u -> {
                current = u.silences();
                changes.changed("silence.update", before.get(u.silence().id()), u.silence());
            }
            case SetOutcome.Invalid i -> {}
            case SetOutcome.NotFound n -> {}
        }
        return out;
    }

    /**
     * Forgets silences that ended more than {@code retention} ago (Alertmanager keeps them 120 hours), in the store as
     * well; returns how many were dropped.
     */
    public synchronized int dropEndedBefore(Duration retention) {
        Silences kept = current.withoutEndedBefore(clock.instant().minus(retention));
        int dropped = current.size() - kept.size();
        for (Silence s : current.all()) {
            if (kept.get(s.id()).isEmpty()) {
                store.remove(s.id());
            }
        }
        current = kept;
        return dropped;
    }

    public synchronized ExpireOutcome expire(String id) {
        ExpireOutcome out = current.expire(id, clock.instant());
        if (out instanceof ExpireOutcome.Expired e && e.changed()) {
            Optional<Silence> before = current.get(id);
            store.save(e.silence());
            current = e.silences();
            changes.changed("silence.expire", before, e.silence());
        }
        return out;
    }
}
