package dev.steward.core.series;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Finds series by labels. A concurrent map from label set to series serves appends without a lock; an inverted index
 * from label name and value to sorted postings serves selections under a read lock, and is changed under the write
 * lock only when a series is created or removed. The index also interns label strings: a new series' labels are
 * rebuilt from the canonical name and value strings already in the index, so each distinct string is held once.
 */
final class LabelIndex {
    private final ConcurrentHashMap<Labels, Series> byLabels = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final HashMap<String, NameEntry> names = new HashMap<>();
    private final Postings all = new Postings("");
    private long nextId = 1;

    private static final class NameEntry {
        final String name;
        final HashMap<String, Postings> values = new HashMap<>();

        NameEntry(String name) {
            this.name = name;
        }
    }

    /** The live series with these labels, or null. Lock-free. */
    Series lookup(Labels labels) {
        Series s = byLabels.get(labels);
        return s == null || s.isRemoved() ? null : s;
    }

    Series getOrCreate(Labels labels) {
        Series s = lookup(labels);
        if (s != null) {
            return s;
        }
        lock.writeLock().lock();
        try {
            s = byLabels.get(labels);
            if (s != null && !s.isRemoved()) {
                return s;
            }
            String[] pairs = new String[2 * labels.size()];
            List<Postings> postings = new ArrayList<>(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                NameEntry e = names.computeIfAbsent(labels.nameAt(i), NameEntry::new);
                Postings p = e.values.computeIfAbsent(labels.valueAt(i), Postings::new);
                pairs[2 * i] = e.name;
                pairs[2 * i + 1] = p.value;
                postings.add(p);
            }
            Labels canonical = Labels.ofSortedPairs(pairs);
            Series created = new Series(nextId++, canonical);
            postings.forEach(p -> p.add(created));
            all.add(created);
            byLabels.put(canonical, created);
            return created;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes series already marked removed from the map and every postings list that holds them. */
    void removeAll(Collection<Series> dead) {
        if (dead.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            Set<Postings> touched = new HashSet<>();
            for (Series s : dead) {
                byLabels.remove(s.labels(), s);
                Labels l = s.labels();
                for (int i = 0; i < l.size(); i++) {
                    touched.add(names.get(l.nameAt(i)).values.get(l.valueAt(i)));
                }
            }
            for (Series s : dead) {
                Labels l = s.labels();
                for (int i = 0; i < l.size(); i++) {
                    NameEntry e = names.get(l.nameAt(i));
                    if (e == null) {
                        continue;
                    }
                    Postings p = e.values.get(l.valueAt(i));
                    if (p != null && touched.remove(p) && !p.compact()) {
                        e.values.remove(p.value);
                        if (e.values.isEmpty()) {
                            names.remove(e.name);
                        }
                    }
                }
            }
            all.compact();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every live series, in no particular order; weakly consistent with concurrent creation. */
    Collection<Series> allSeries() {
        return byLabels.values();
    }

    int seriesCount() {
        return byLabels.size();
    }

    /** The series matching every matcher, sorted by id. Equality matchers are postings lookups, never scans. */
    Series[] select(List<LabelMatcher> matchers) {
        lock.readLock().lock();
        try {
            Postings seed = null;
            for (LabelMatcher m : matchers) {
                if (m.type() == LabelMatcher.Type.EQ && !m.matchesEmpty()) {
                    NameEntry e = names.get(m.name());
                    Postings p = e == null ? null : e.values.get(m.value());
                    if (p == null) {
                        return Postings.NONE;
                    }
                    if (seed == null || p.size() < seed.size()) {
                        seed = p;
                    }
                }
            }
            if (seed != null) {
                // start from the smallest equality postings and check the other matchers on each candidate: a
                // selector such as up{stack="s",service="a",check="c"} touches a handful of series, not every series of
                // the stack (copying and intersecting the large postings cost more than the whole query)
                return filterAll(seed.toArray(), matchers);
            }
            Series[] result = null;
            for (LabelMatcher m : matchers) {
                if (!m.matchesEmpty()) {
                    Series[] p = postingsMatching(m);
                    result = result == null ? p : Postings.intersect(result, p);
                    if (result.length == 0) {
                        return result;
                    }
                }
            }
            if (result != null) {
                return filterByLabels(result, matchers);
            }
            result = all.toArray();
            for (LabelMatcher m : matchers) {
                result = Postings.subtract(result, postingsNotMatching(m));
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Series[] postingsMatching(LabelMatcher m) {
        NameEntry e = names.get(m.name());
        if (e == null) {
            return Postings.NONE;
        }
        if (m.type() == LabelMatcher.Type.EQ) {
            Postings p = e.values.get(m.value());
            return p == null ? Postings.NONE : p.toArray();
        }
        List<Postings> hits = new ArrayList<>();
        for (Postings p : e.values.values()) {
            if (m.matches(p.value)) {
                hits.add(p);
            }
        }
        return Postings.union(hits);
    }

    private Series[] postingsNotMatching(LabelMatcher m) {
        NameEntry e = names.get(m.name());
        if (e == null) {
            return Postings.NONE;
        }
        List<Postings> misses = new ArrayList<>();
        for (Postings p : e.values.values()) {
            if (!m.matches(p.value)) {
                misses.add(p);
            }
        }
        return Postings.union(misses);
    }

    private static Series[] filterAll(Series[] candidates, List<LabelMatcher> matchers) {
        Series[] out = new Series[candidates.length];
        int n = 0;
        outer:
        for (Series s : candidates) {
            for (LabelMatcher m : matchers) {
                if (!m.matches(s.labels())) {
                    continue outer;
                }
            }
            out[n++] = s;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** Applies the matchers that also match absent labels to an already narrowed set, label by label. */
    private static Series[] filterByLabels(Series[] candidates, List<LabelMatcher> matchers) {
        List<LabelMatcher> rest =
                matchers.stream().filter(LabelMatcher::matchesEmpty).toList();
        if (rest.isEmpty()) {
            return candidates;
        }
        Series[] out = new Series[candidates.length];
        int n = 0;
        outer:
        for (Series s : candidates) {
            for (LabelMatcher m : rest) {
                if (!m.matches(s.labels())) {
                    continue outer;
                }
            }
            out[n++] = s;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Label names that at least one live series carries, unsorted. */
    List<String> names() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(names.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Values of a label name across live series, unsorted. */
    List<String> values(String name) {
        lock.readLock().lock();
        try {
            NameEntry e = names.get(name);
            return e == null ? List.of() : new ArrayList<>(e.values.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Estimated heap bytes of the index and the label sets, by accounting for each object with 64-bit HotSpot sizes
     * and compressed references: map nodes and tables, postings arrays, each distinct string once, each label set,
     * each series object. Chunks are not included.
     */
    long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = 64 + 4L * tableSize(names.size()) + all.estimatedBytes();
            for (Map.Entry<String, NameEntry> e : names.entrySet()) {
                bytes += 32
                        + 24
                        + 48
                        + stringBytes(e.getKey())
                        + 4L * tableSize(e.getValue().values.size());
                for (Postings p : e.getValue().values.values()) {
                    bytes += 32 + stringBytes(p.value) + p.estimatedBytes();
                }
            }
            bytes += 4L * tableSize(byLabels.size());
            for (Series s : byLabels.values()) {
                bytes += 32 + Series.OVERHEAD_BYTES + s.labels().shallowBytes();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int tableSize(int entries) {
        int n = 16;
        while (n * 3 / 4 < entries) {
            n <<= 1;
        }
        return n;
    }

    private static long stringBytes(String s) {
        return 24 + ((16 + s.length() + 7) & ~7L);
    }
}
