package dev.steward.api;

import dev.steward.core.outbox.ChannelStatus;
import io.javalin.config.JavalinConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/notifications}: the delivery status of every channel that has messages in the outbox (pending,
 * delivered, abandoned, the last error, the last delivery, the oldest pending message), so a receiver that keeps
 * failing is visible before anyone misses a page.
 */
public final class DeliveryStatusApi {
    private final Supplier<List<ChannelStatus>> status;
    private final JsonMapper json = JsonMapper.builder().build();

    public DeliveryStatusApi(Supplier<List<ChannelStatus>> status) {
        this.status = status;
    }

    public void mount(JavalinConfig cfg) {
        cfg.routes.get("/api/v1/notifications", ctx -> {
            List<Object> channels = new ArrayList<>();
            for (ChannelStatus c : status.get()) {
                channels.add(render(c));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "success");
            doc.put("data", Map.of("channels", channels));
            ctx.contentType(ApiServer.JSON).result(json.writeValueAsString(doc));
        });
    }

    static Map<String, Object> render(ChannelStatus c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", c.channel());
        m.put("pending", c.pending());
        m.put("delivered", c.delivered());
        m.put("abandoned", c.abandoned());
        c.lastError()
                .ifPresent(e -> m.put(
                        "lastError", Map.of("reason", e.reason(), "detail", e.detail(), "at", e.at().toString())));
        c.lastDeliveredAt().map(Instant::toString).ifPresent(t -> m.put("lastDeliveredAt", t));
        c.oldestPendingSince().map(Instant::toString).ifPresent(t -> m.put("oldestPendingSince", t));
        return m;
    }
}
