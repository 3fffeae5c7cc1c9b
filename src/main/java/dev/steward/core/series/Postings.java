package dev.steward.core.series;

import java.util.Arrays;
import java.util.List;

/**
 * The series carrying one label value, sorted by series id (ids only grow, so adding is appending). Also the set
 * operations a selection needs over such sorted arrays. Mutated only under the index's write lock.
 */
final class Postings {
    static final Series[] NONE = new Series[0];

    /** The canonical instance of the label value, shared by every series that has it. */
    final String value;

    private Series[] items = new Series[2];
    private int size;

    Postings(String value) {
        this.value = value;
    }

    void add(Series s) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size + (size >> 1) + 1);
        }
        items[size++] = s;
    }

    /** Removes the series marked removed; returns whether any is left. */
    boolean compact() {
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (!items[i].isRemoved()) {
                items[j++] = items[i];
            }
        }
        Arrays.fill(items, j, size, null);
        size = j;
        if (items.length > 8 && size < items.length / 4) {
            items = Arrays.copyOf(items, Math.max(2, size * 2));
        }
        return size > 0;
    }

    Series[] toArray() {
        return Arrays.copyOf(items, size);
    }

    int size() {
        return size;
    }

    long estimatedBytes() {
        return 24 + 16 + 4L * items.length;
    }

    static Series[] intersect(Series[] a, Series[] b) {
        Series[] out = new Series[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            long x = a[i].id;
            long y = b[j].id;
            if (x == y) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Everything in {@code a} that is not in {@code b}. */
    static Series[] subtract(Series[] a, Series[] b) {
        Series[] out = new Series[a.length];
        int j = 0;
        int n = 0;
        for (Series s : a) {
            while (j < b.length && b[j].id < s.id) {
                j++;
            }
            if (j >= b.length || b[j].id != s.id) {
                out[n++] = s;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The sorted union of several postings lists (the values a regular expression matched). */
    static Series[] union(List<Postings> lists) {
        if (lists.isEmpty()) {
            return NONE;
        }
        if (lists.size() == 1) {
            return lists.getFirst().toArray();
        }
        int total = 0;
        for (Postings p : lists) {
            total += p.size;
        }
        Series[] all = new Series[total];
        int n = 0;
        for (Postings p : lists) {
            System.arraycopy(p.items, 0, all, n, p.size);
            n += p.size;
        }
        Arrays.sort(all, (x, y) -> Long.compare(x.id, y.id));
        return all;
    }
}
