package dev.steward.core.silence;

import dev.steward.core.series.LabelMatcher;
import dev.steward.core.series.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An immutable collection of silences with Alertmanager's rules for changing them. Every change returns a new
 * collection; matchers are compiled once per silence.
 *
 * <p>Updating a silence keeps its id only when the change does not rewrite what it already silenced: the matchers are
 * unchanged, and an active silence keeps its start and does not end in the past, a pending one does not start in the
 * past. Any other update of a silence that is not yet expired expires it and creates a new silence with a new id; an
 * update of an expired silence always creates a new one.
 */
public final class Silences {
    private static final Silences EMPTY = new Silences(new LinkedHashMap<>());

    record Entry(Silence silence, List<LabelMatcher> compiled) {
        static Entry of(Silence s) {
            return new Entry(
                    s, s.matchers().stream().map(SilenceMatcher::compile).toList());
        }

        boolean matches(Labels labels) {
            for (LabelMatcher m : compiled) {
                if (!m.matches(labels)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Entry> byId;

    private Silences(Map<String, Entry> byId) {
        this.byId = byId;
    }

    public static Silences empty() {
        return EMPTY;
    }

    /**
     * The collection of already validated silences, for instance as a store loaded them.
     *
     * @throws IllegalArgumentException when a matcher's regular expression does not compile
     */
    public static Silences of(Collection<Silence> silences) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Silence s : silences) {
            map.put(s.id(), Entry.of(s));
        }
        return new Silences(map);
    }

    public Optional<Silence> get(String id) {
        Entry e = byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.silence());
    }

    public int size() {
        return byId.size();
    }

    /** Every silence, in the order they were created. */
    public List<Silence> all() {
        return byId.values().stream().map(Entry::silence).toList();
    }

    /**
     * Every silence in the order of Alertmanager's listing at {@code now}: active ones first by end, then pending ones
     * by start, then expired ones, most recently ended first.
     */
    public List<Silence> listing(Instant now) {
        Comparator<Silence> byState = Comparator.comparingInt(s -> s.state(now).listingRank());
        Comparator<Silence> within = (a, b) -> switch (a.state(now)) {
            case ACTIVE -> a.endsAt().compareTo(b.endsAt());
            case PENDING -> a.startsAt().compareTo(b.startsAt());
            case EXPIRED -> b.endsAt().compareTo(a.endsAt());
        };
        List<Silence> out = new ArrayList<>(all());
        out.sort(byState.thenComparing(within));
        return List.copyOf(out);
    }

    /** The ids of the silences active at {@code now} whose matchers all match {@code labels}, sorted. */
    public List<String> silenced(Labels labels, Instant now) {
        List<String> ids = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.silence().state(now) == SilenceState.ACTIVE && e.matches(labels)) {
                ids.add(e.silence().id());
            }
        }
        ids.sort(Comparator.naturalOrder());
        return List.copyOf(ids);
    }

    /** The silences active at {@code now}, indexed for asking about many alerts. */
    public ActiveSilences activeAt(Instant now) {
        return byId.isEmpty() ? ActiveSilences.NONE : ActiveSilences.of(byId.values(), now);
    }

    /** Whether some silence active at {@code now} mutes {@code labels}: {@link #silenced} without the list. */
    public boolean mutes(Labels labels, Instant now) {
        for (Entry e : byId.values()) {
            if (e.silence().state(now) == SilenceState.ACTIVE && e.matches(labels)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the matchers of the silence {@code id} all match {@code labels}, whatever its state. */
    public boolean matches(String id, Labels labels) {
        Entry e = byId.get(id);
        return e != null && e.matches(labels);
    }

    /**
     * The silences active at {@code now} that end within {@code ahead} (inclusive), soonest first: whose creators a
     * reminder is due to.
     */
    public List<Silence> endingWithin(Instant now, Duration ahead) {
        Instant horizon = now.plus(ahead);
        return all().stream()
                .filter(s -> s.state(now) == SilenceState.ACTIVE && !s.endsAt().isAfter(horizon))
                .sorted(Comparator.comparing(Silence::endsAt))
                .toList();
    }

    /**
     * The silences that were active at some instant and ended in {@code (after, upTo]}, in order of end: what a loop
     * that last looked at {@code after} must re-check for alerts that still fire. Silences expired before they started
     * (a pending silence expired by hand) never muted anything and are left out.
     */
    public List<Silence> endedBetween(Instant after, Instant upTo) {
        return all().stream()
                .filter(s -> s.endsAt().isAfter(after) && !s.endsAt().isAfter(upTo))
                .filter(s -> s.startsAt().isBefore(s.endsAt()))
                .sorted(Comparator.comparing(Silence::endsAt))
                .toList();
    }

    /**
     * Creates or updates a silence by Alertmanager's rules (see the class comment); {@code newId} names new ones. As in
     * Alertmanager, an invalid request is refused before its id is looked up.
     */
    public SetOutcome set(SilenceRequest request, Instant now, SilenceLimits limits, Supplier<String> newId) {
        List<SilenceError> errors = SilenceValidator.validate(request, now, limits);
        if (!errors.isEmpty()) {
            return new SetOutcome.Invalid(errors);
        }
        Optional<Silence> previous = request.isUpdate() ? get(request.id()) : Optional.empty();
        if (request.isUpdate() && previous.isEmpty()) {
            return new SetOutcome.NotFound(request.id());
        }
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        if (previous.isPresent() && canUpdateInPlace(previous.get(), request, startsAt, now)) {
            Silence prev = previous.get();
            Instant keptStart = prev.state(now) == SilenceState.ACTIVE ? prev.startsAt() : startsAt;
            Silence updated = new Silence(
                    prev.id(),
                    request.matchers(),
                    keptStart,
                    request.endsAt(),
                    request.createdBy(),
                    request.comment(),
                    now);
            return new SetOutcome.Updated(with(updated), updated);
        }
        Silence created = new Silence(
                newId.get(),
                request.matchers(),
                startsAt.isBefore(now) ? now : startsAt,
                request.endsAt(),
                request.createdBy(),
                request.comment(),
                now);
        Optional<Silence> replaced =
                previous.filter(p -> p.state(now) != SilenceState.EXPIRED).map(p -> expired(p, now));
        Silences next = replaced.map(this::with).orElse(this).with(created);
        return new SetOutcome.Created(next, created, replaced);
    }

    /** Expires the silence now: an active one ends now, a pending one starts and ends now; an expired one stays. */
    public ExpireOutcome expire(String id, Instant now) {
        Optional<Silence> found = get(id);
        if (found.isEmpty()) {
            return new ExpireOutcome.NotFound(id);
        }
        Silence s = found.get();
        if (s.state(now) == SilenceState.EXPIRED) {
            return new ExpireOutcome.Expired(this, s, false);
        }
        Silence done = expired(s, now);
        return new ExpireOutcome.Expired(with(done), done, true);
    }

    /** This collection without the silences that ended before {@code cutoff} (Alertmanager keeps them 5 days). */
    public Silences withoutEndedBefore(Instant cutoff) {
        Map<String, Entry> map = new LinkedHashMap<>(byId);
        map.values().removeIf(e -> e.silence().endsAt().isBefore(cutoff));
        return map.size() == byId.size() ? this : new Silences(map);
    }

    private static boolean canUpdateInPlace(Silence prev, SilenceRequest request, Instant startsAt, Instant now) {
        if (!prev.matchers().equals(request.matchers())) {
            return false;
        }
        return switch (prev.state(now)) {
            case ACTIVE ->
                prev.startsAt().getEpochSecond() == startsAt.getEpochSecond()
                        && !request.endsAt().isBefore(now);
            case PENDING -> !startsAt.isBefore(now);
            case EXPIRED -> false;
        };
    }

    private static Silence expired(Silence s, Instant now) {
        return s.state(now) == SilenceState.PENDING ? s.withTimes(now, now, now) : s.withTimes(s.startsAt(), now, now);
    }

    private Silences with(Silence s) {
        Map<String, Entry> map = new LinkedHashMap<>(byId);
        map.put(s.id(), Entry.of(s));
        return new Silences(map);
    }
}
