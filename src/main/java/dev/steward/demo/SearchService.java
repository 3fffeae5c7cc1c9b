package dev.steward.demo;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-node search service answering {@code GET /_cluster/health} with an Elasticsearch-shaped document. Green has
 * every shard assigned; yellow leaves the replicas unassigned; red also loses a primary. Elasticsearch answers 200 for
 * every status, and so does this.
 */
final class SearchService {

    static final String CLUSTER = "demo";
    private static final int PRIMARIES = 5;

    private final FaultController faults;
    private final FaultGate gate;

    SearchService(FaultController faults) {
        this.faults = faults;
        this.gate = new FaultGate(DemoService.SEARCH, faults, SearchService::error);
    }

    void routes(RoutesConfig routes) {
        routes.get("/_cluster/health", gate.wrap(this::clusterHealth));
    }

    private void clusterHealth(Context ctx) {
        String status =
                faults.current(DemoService.SEARCH).orElse(null) instanceof Fault.ClusterStatus s ? s.status() : "green";
        ApiService.json(ctx, health(status));
    }

    static Map<String, Object> health(String status) {
        int replicas = status.equals("green") ? 0 : PRIMARIES;
        int activePrimaries = status.equals("red") ? PRIMARIES - 1 : PRIMARIES;
        int total = PRIMARIES + replicas;
        int unassigned = total - activePrimaries;
        var h = new LinkedHashMap<String, Object>();
        h.put("cluster_name", CLUSTER);
        h.put("status", status);
        h.put("timed_out", false);
        h.put("number_of_nodes", 1);
        h.put("number_of_data_nodes", 1);
        h.put("active_primary_shards", activePrimaries);
        h.put("active_shards", activePrimaries);
        h.put("relocating_shards", 0);
        h.put("initializing_shards", 0);
        h.put("unassigned_shards", unassigned);
        h.put("delayed_unassigned_shards", 0);
        h.put("number_of_pending_tasks", 0);
        h.put("number_of_in_flight_fetch", 0);
        h.put("task_max_waiting_in_queue_millis", 0);
        h.put("active_shards_percent_as_number", 100.0 * activePrimaries / total);
        return h;
    }

    private static void error(Context ctx) {
        var cause = Map.of("type", "demo_fault_exception", "reason", "fault 'error' injected by steward demo");
        var error = new LinkedHashMap<String, Object>();
        error.put("root_cause", List.of(cause));
        error.put("type", "demo_fault_exception");
        error.put("reason", "fault 'error' injected by steward demo");
        ApiService.json(ctx, Map.of("error", error, "status", 500));
    }
}
