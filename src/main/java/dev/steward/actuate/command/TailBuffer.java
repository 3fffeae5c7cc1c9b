package dev.steward.actuate.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Drains a process's output on its own virtual thread and keeps the last {@code cap} bytes: a failing deployment
 * script says why at the end, and a chatty one never blocks on a full pipe.
 */
final class TailBuffer {
    private final byte[] ring;
    private final InputStream in;
    private final Thread reader;
    private long written;

    TailBuffer(InputStream in, int cap, String name) {
        this.ring = new byte[cap];
        this.in = in;
        this.reader = Thread.ofVirtual().name(name).start(this::drain);
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                append(buffer, n);
            }
        } catch (IOException closed) {
            // closed under us: the caller stopped waiting for the end of the output
        }
    }

    private synchronized void append(byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) ((written + i) % ring.length)] = bytes[i];
        }
        written += n;
    }

    /** Waits at most {@code limit} for the end of the output, then closes the stream either way. */
    void awaitEnd(Duration limit) throws InterruptedException {
        boolean ended = reader.join(limit);
        if (!ended) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing more will be read either way
            }
        }
    }

    /** The kept output as UTF-8, prefixed by how many bytes were dropped when there were more than the cap. */
    synchronized String text() {
        if (written <= ring.length) {
            return new String(ring, 0, (int) written, StandardCharsets.UTF_8);
        }
        int start = (int) (written % ring.length);
        byte[] tail = new byte[ring.length];
        System.arraycopy(ring, start, tail, 0, ring.length - start);
        System.arraycopy(ring, 0, tail, ring.length - start, start);
        int from = 0;
        while (from < tail.length && (tail[from] & 0xC0) == 0x80) {
            from++; // do not start in the middle of a UTF-8 sequence
        }
        String kept = new String(Arrays.copyOfRange(tail, from, tail.length), StandardCharsets.UTF_8);
        return "[" + (written - ring.length + from) + " earlier bytes dropped]\n" + kept;
    }
}
