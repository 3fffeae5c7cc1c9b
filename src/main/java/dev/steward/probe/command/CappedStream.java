package dev.steward.probe.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a process on its own virtual thread, keeping the first {@code cap} bytes and discarding
 * the rest, so a chatty process never blocks on a full pipe.
 */
final class CappedStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final InputStream in;
    private final int cap;
    private final Thread reader;
    private volatile boolean truncated;

    CappedStream(InputStream in, int cap, String name) {
        this.in = in;
        this.cap = cap;
        this.reader = Thread.ofVirtual().name(name).start(this::drain);
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (kept) {
                    int keep = Math.min(n, cap - kept.size());
                    kept.write(buffer, 0, keep);
                    truncated |= keep < n;
                }
            }
        } catch (IOException closed) {
            // the stream was closed under us: the probe gave up waiting for the end of the output
        }
    }

    /** Waits for the end of the stream until {@code deadlineNanos}; then closes it. True if the end was reached. */
    boolean awaitEnd(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        boolean ended = left > 0 && reader.join(java.time.Duration.ofNanos(left));
        if (!ended) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing more to read either way
            }
        }
        return ended;
    }

    String text() {
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    boolean truncated() {
        return truncated;
    }
}
