package dev.steward.console;

import io.javalin.http.sse.SseClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Streams the overview's changes to every open console as server-sent events. Each {@link #publish} builds the
 * overview once, compares it with what was last sent, renders only the cells that changed (and the panels when they
 * did) as out-of-band htmx swaps, and sends the same text to every viewer: the cost of a change does not grow with
 * the number of viewers beyond writing it to each socket.
 */
public final class LiveUpdates {
    /** The SSE event name the overview page listens to. */
    public static final String EVENT = "update";

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final Supplier<Overview> overview;
    private final Views views;
    private Map<String, Object> sentCells = new HashMap<>();
    private final Map<String, Long> cellGeneration = new HashMap<>();
    private String sentPanels = "";
    private long panelsGeneration;
    private volatile long generation;
    private volatile Snapshot snapshot;
    private long published;

    public LiveUpdates(Supplier<Overview> overview, Views views) {
        this.overview = overview;
        this.views = views;
    }

    /**
     * Registers a viewer whose page showed generation {@code since}; it first gets what changed after that (so nothing
     * that changed between rendering the page and opening the stream is missed), then every update. It is dropped when
     * its connection closes.
     */
    public void connect(SseClient client, long since) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        // under the same lock as publish: the catch-up reaches the viewer before any newer update
        synchronized (this) {
            client.sendComment("connected");
            String catchUp = catchUp(since);
            if (!catchUp.isEmpty()) {
                client.sendEvent(EVENT, catchUp);
            }
            clients.add(client);
        }
    }

    /** What changed after generation {@code since}, as one update (empty when nothing did). */
    public synchronized String catchUp(long since) {
        StringBuilder out = new StringBuilder();
        cellGeneration.forEach((id, gen) -> {
            Object piece = sentCells.get(id);
            if (gen > since && piece != null) {
                out.append(render(piece));
            }
        });
        if (panelsGeneration > since) {
            out.append(sentPanels);
        }
        return out.toString().replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * The generation of the latest update: a page rendered now shows at least this one. Not synchronized, so that a
     * page load does not wait for an update being built and sent.
     */
    public long generation() {
        return generation;
    }

    public int viewers() {
        return clients.size();
    }

    /** How many updates were sent since start (each to every viewer). */
    public synchronized long published() {
        return published;
    }

    /**
     * Sends what changed since the last call to every viewer; returns the update's text (empty when nothing changed).
     * Called by the composition root once a second and after a check changes state.
     */
    public synchronized String publish() {
        Overview now = overview.get();
        try {
            return publish(now);
        } finally {
            snapshot = new Snapshot(now, generation);
        }
    }

    /**
     * The overview as last published and its generation; empty before the first publish. Pages show it rather than
     * building their own, so any number of page loads cost one build a second, and a page's stream starts exactly
     * where the page left off.
     */
    public java.util.Optional<Snapshot> snapshot() {
        return java.util.Optional.ofNullable(snapshot);
    }

    /** The overview of one publish. */
    public record Snapshot(Overview overview, long generation) {}

    private String publish(Overview now) {
        StringBuilder out = new StringBuilder();
        long next = generation + 1;
        Map<String, Object> cells = new HashMap<>();
        for (Overview.ServiceRow row : now.rows()) {
            Overview.Head head = row.head();
            changed(head.domId(), head, cells, next, out);
            for (Overview.Cell cell : row.cells()) {
                changed(cell.domId(), cell, cells, next, out);
            }
        }
        boolean structureChanged = !cells.keySet().equals(sentCells.keySet());
        String panels = views.render("console/panels.jte", new PanelsUpdate(now, true));
        if (!panels.equals(sentPanels)) {
            panelsGeneration = next;
            out.append(panels);
        }
        if (structureChanged && !sentCells.isEmpty()) {
            // checks were added or removed by a reload: the page must be rendered again
            out.setLength(0);
            out.append("<div id=\"reload-hint\" hx-swap-oob=\"true\" class=\"hint\" role=\"status\">The stack changed: "
                    + "<a href=\"/ui\">reload the page</a>.</div>");
        }
        cellGeneration.keySet().retainAll(cells.keySet());
        sentCells = cells;
        sentPanels = panels;
        if (out.isEmpty()) {
            return "";
        }
        generation = next;
        String data = out.toString().replace('\n', ' ').replace('\r', ' ');
        published++;
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent(EVENT, data);
            }
        }
        return data;
    }

    private void changed(String id, Object piece, Map<String, Object> pieces, long next, StringBuilder out) {
        pieces.put(id, piece);
        if (!piece.equals(sentCells.get(id))) {
            cellGeneration.put(id, next);
            out.append(render(piece));
        }
    }

    private String render(Object piece) {
        return switch (piece) {
            case Overview.Cell c -> views.render("console/cell.jte", new CellUpdate(c, true));
            case Overview.Head h -> views.render("console/head.jte", new HeadUpdate(h, true));
            default -> throw new IllegalArgumentException("not a piece of the overview: " + piece);
        };
    }

    /** A service row's head to render; {@code oob} marks it as an out-of-band swap for htmx. */
    public record HeadUpdate(Overview.Head head, boolean oob) {}

    /** A cell to render; {@code oob} marks it as an out-of-band swap for htmx. */
    public record CellUpdate(Overview.Cell cell, boolean oob) {}

    /** The two panels to render; {@code oob} marks them as out-of-band swaps for htmx. */
    public record PanelsUpdate(Overview overview, boolean oob) {}
}
