package dev.steward.demo;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The running demo stack: api, search, frontend and the deployable checkout, each on its own 127.0.0.1 port, with one {@link FaultController}
 * for the first three and, when enabled, traffic generators calling the api and checkout.
 *
 * <pre>{@code
 * try (var demo = DemoStack.start(DemoOptions.defaults())) {
 *     Javalin.create(cfg -> demo.faultApi().mount(cfg)).start(...);
 *     DemoStackFile.forStack(demo, LocalServers.detect()).writeTo(path);
 * }
 * }</pre>
 */
public final class DemoStack implements AutoCloseable {

    private final FaultController faults = new FaultController();
    private final FaultApi faultApi = new FaultApi(faults);
    private final Map<DemoService, LoopbackServer> servers = new EnumMap<>(DemoService.class);
    private final FaultController.Listener outage = this::followOutage;
    private TrafficGenerator traffic;
    private final CheckoutService checkout = new CheckoutService();
    private LoopbackServer checkoutServer;
    private TrafficGenerator checkoutTraffic;

    private DemoStack() {}

    /** Starts the three services (and the traffic generator); if one cannot start, those started are stopped. */
    public static DemoStack start(DemoOptions options) {
        var stack = new DemoStack();
        try {
            stack.startServers(options);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServers(DemoOptions options) {
        var api = new ApiService(faults);
        servers.put(DemoService.API, LoopbackServer.start("api", options.portOf(DemoService.API), api::routes));
        var search = new SearchService(faults);
        servers.put(
                DemoService.SEARCH, LoopbackServer.start("search", options.portOf(DemoService.SEARCH), search::routes));
        var frontend = new FrontendService(faults, url(DemoService.API));
        servers.put(
                DemoService.FRONTEND,
                LoopbackServer.start("frontend", options.portOf(DemoService.FRONTEND), frontend::routes));
        checkoutServer = LoopbackServer.start("checkout", options.checkoutPort(), checkout::routes);
        faults.addListener(outage);
        if (!options.trafficEvery().isZero()) {
            traffic = TrafficGenerator.start(url(DemoService.API).resolve("/api/documents"), options.trafficEvery());
            checkoutTraffic = TrafficGenerator.start(checkoutUrl().resolve("/checkout"), options.trafficEvery());
        }
    }

    /** {@code down} closes the service's listener; any other fault, or none, makes it listen again. */
    private void followOutage(DemoService service, Optional<Fault> fault) {
        LoopbackServer server = servers.get(service);
        if (fault.orElse(null) instanceof Fault.Down) {
            server.stopListening();
        } else {
            server.listen();
        }
    }

    public FaultController faults() {
        return faults;
    }

    /** The fault API for this stack, to mount on Steward's HTTP server. */
    public FaultApi faultApi() {
        return faultApi;
    }

    /** The service's base URL, {@code http://127.0.0.1:PORT}; the port stays the same while it is down. */
    public URI url(DemoService service) {
        return servers.get(service).baseUrl();
    }

    /**
     * The deployable checkout service's base URL: {@code /checkout}, {@code /metrics}, and {@code /deploy} for Steward's
     * {@code http} deploy provider.
     */
    public URI checkoutUrl() {
        return checkoutServer.baseUrl();
    }

    CheckoutService checkout() {
        return checkout;
    }

    Optional<TrafficGenerator> traffic() {
        return Optional.ofNullable(traffic);
    }

    public boolean listening(DemoService service) {
        return servers.get(service).listening();
    }

    /** What runs where, one line per service, for the CLI to print. */
    public String summary() {
        var out = new StringBuilder();
        out.append(line(DemoService.API, "/health /health/detailed /api/documents /metrics"));
        out.append(line(DemoService.SEARCH, "/_cluster/health"));
        out.append(line(DemoService.FRONTEND, "/"));
        out.append(String.format(
                "  %-9s %-24s %s%n", "checkout", checkoutUrl(), "/checkout /health /metrics /deploy (deployable)"));
        return out.toString();
    }

    private String line(DemoService service, String paths) {
        return String.format("  %-9s %-24s %s%n", service.id(), url(service), paths);
    }

    /** Stops the traffic generator, releases requests held by {@code slow} faults, stops every service. */
    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        if (checkoutTraffic != null) {
            checkoutTraffic.close();
        }
        if (checkoutServer != null) {
            checkoutServer.close();
        }
        faults.removeListener(outage);
        faults.clearAll();
        servers.values().forEach(LoopbackServer::close);
    }
}
