package dev.steward.core.rollup;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.Bin;
import com.datadoghq.sketch.ddsketch.store.SparseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * An immutable, mergeable latency distribution with 1 % relative accuracy on every quantile (DataDog's DDSketch with
 * a logarithmic index mapping). Latencies are kept in nanoseconds, in sparse bins: only the bins that hold values
 * take memory, and any real latency range needs far fewer than {@value #MAX_BINS} of them.
 *
 * <p>{@link #toBytes()} uses the library's own compact binary encoding (varints, no protobuf dependency); it includes
 * the index mapping, so stored sketches stay readable if the accuracy is ever changed.
 */
public final class LatencySketch {
    /** Relative accuracy of every quantile. */
    public static final double RELATIVE_ACCURACY = 0.01;

    static final int MAX_BINS = 2048;
    /**
     * Sparse bins: a minute's bucket holds a handful of probes, and a dense array sized to their range costs about
     * 1.4 KB per open bucket (28 MB for 10,000 checks). With 1 % accuracy, latencies from 1 µs to 1 h need at most
     * about 1,100 bins, so the store stays bounded without collapsing.
     */
    private static final Supplier<Store> STORE = SparseStore::new;

    private static final LatencySketch EMPTY = new LatencySketch(newMutable());

    /** Never mutated once this object is built. */
    private final DDSketch sketch;

    private LatencySketch(DDSketch sketch) {
        this.sketch = sketch;
    }

    public static LatencySketch empty() {
        return EMPTY;
    }

    /** A sketch of the given latencies. */
    public static LatencySketch of(Duration... latencies) {
        DDSketch s = newMutable();
        for (Duration latency : latencies) {
            s.accept(nanos(latency));
        }
        return new LatencySketch(s);
    }

    /** Reads what {@link #toBytes()} wrote; throws {@link IllegalArgumentException} for bytes that are not a sketch. */
    public static LatencySketch fromBytes(byte[] bytes) {
        try {
            return new LatencySketch(DDSketch.decode(ByteArrayInput.wrap(bytes), STORE));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not an encoded latency sketch (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    /** A new empty sketch for accumulation inside this package; wrap it with {@link #adopt} when done. */
    static DDSketch newMutable() {
        return new DDSketch(new LogarithmicMapping(RELATIVE_ACCURACY), STORE);
    }

    /** Takes ownership of {@code mutable}: the caller must not change it afterwards. */
    static LatencySketch adopt(DDSketch mutable) {
        return new LatencySketch(mutable);
    }

    static double nanos(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        return latency.toNanos();
    }

    public byte[] toBytes() {
        GrowingByteArrayOutput out = GrowingByteArrayOutput.withInitialCapacity(64);
        try {
            sketch.encode(out, false);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a latency sketch into memory failed", e);
        }
        return out.trimmedCopy();
    }

    public LatencySketch merge(LatencySketch other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        DDSketch merged = sketch.copy();
        merged.mergeWith(other.sketch);
        return new LatencySketch(merged);
    }

    /** How many latencies went in. */
    public long count() {
        return Math.round(sketch.getCount());
    }

    public boolean isEmpty() {
        return sketch.isEmpty();
    }

    /**
     * The latency at quantile {@code q} (0 to 1), within 1 % of the true value; {@link Duration#ZERO} for an empty
     * sketch.
     */
    public Duration quantile(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must be between 0 and 1, got " + q);
        }
        if (isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(sketch.getValueAtQuantile(q)));
    }

    /** Equal when they hold the same bins with the same counts, whatever the order of the values or merges. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySketch other
                && sketch.getIndexMapping().equals(other.sketch.getIndexMapping())
                && sketch.getCount() == other.sketch.getCount()
                && Arrays.equals(nonEmptyBins(), other.nonEmptyBins());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonEmptyBins());
    }

    private double[] nonEmptyBins() {
        Store store = sketch.getPositiveValueStore();
        double[] bins = new double[0];
        int n = 0;
        for (Iterator<Bin> it = store.getAscendingIterator(); it.hasNext(); ) {
            Bin bin = it.next();
            if (bin.getCount() != 0) {
                if (n + 2 > bins.length) {
                    bins = Arrays.copyOf(bins, Math.max(16, bins.length * 2));
                }
                bins[n++] = bin.getIndex();
                bins[n++] = bin.getCount();
            }
        }
        return Arrays.copyOf(bins, n);
    }

    @Override
    public String toString() {
        return "LatencySketch[count=" + count() + ", p50=" + quantile(0.5) + ", p99=" + quantile(0.99) + "]";
    }
}
