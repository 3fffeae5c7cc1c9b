import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * N browsers' worth of live overview streams for the console benchmark: opens N server-sent event streams on URL and
 * counts, per viewer, the bytes and the "update" events received. After SECONDS, or when it is told to end (SIGTERM),
 * it prints one line
 * "viewers=N connected=C open_at_end=O events_total=.. events_min=.. events_max=.. bytes_total=.. bytes_min=..
 * bytes_max=.. update_bytes_avg=.." and exits. Viewers that lose their stream are not reconnected (open_at_end says
 * how many kept it).
 *
 * <p>Run: java bench/SseViewers.java URL N SECONDS
 */
public final class SseViewers {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java bench/SseViewers.java URL N SECONDS");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        var events = new AtomicLongArray(n);
        var bytes = new AtomicLongArray(n);
        var connected = new AtomicLongArray(n);
        var open = new AtomicLongArray(n);
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < n; i++) {
            int v = i;
            Thread.ofVirtual().start(() -> stream(client, uri, v, events, bytes, connected, open));
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> System.out.println(summary(n, events, bytes, connected, open))));
        Thread.sleep(Duration.ofSeconds(seconds));
        System.exit(0);
    }

    private static String summary(
            int n, AtomicLongArray events, AtomicLongArray bytes, AtomicLongArray connected, AtomicLongArray open) {
        long[] e = values(events);
        long[] b = values(bytes);
        long eventsTotal = Arrays.stream(e).sum();
        long bytesTotal = Arrays.stream(b).sum();
        return "viewers=" + n
                + " connected=" + Arrays.stream(values(connected)).sum()
                + " open_at_end=" + Arrays.stream(values(open)).sum()
                + " events_total=" + eventsTotal
                + " events_min=" + Arrays.stream(e).min().orElse(0)
                + " events_max=" + Arrays.stream(e).max().orElse(0)
                + " bytes_total=" + bytesTotal
                + " bytes_min=" + Arrays.stream(b).min().orElse(0)
                + " bytes_max=" + Arrays.stream(b).max().orElse(0)
                + " update_bytes_avg=" + (eventsTotal == 0 ? 0 : bytesTotal / eventsTotal);
    }

    private static void stream(
            HttpClient client,
            URI uri,
            int v,
            AtomicLongArray events,
            AtomicLongArray bytes,
            AtomicLongArray connected,
            AtomicLongArray open) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build();
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                System.err.println("viewer " + v + ": HTTP " + response.statusCode());
                return;
            }
            connected.set(v, 1);
            open.set(v, 1);
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) {
                    bytes.addAndGet(v, line.length() + 1);
                    if (line.equals("event: update") || line.equals("event:update")) {
                        events.incrementAndGet(v);
                    }
                }
            }
            System.err.println("viewer " + v + ": stream ended");
        } catch (Exception e) {
            System.err.println("viewer " + v + ": " + e);
        } finally {
            open.set(v, 0);
        }
    }

    private static long[] values(AtomicLongArray a) {
        long[] out = new long[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }
}
