package dev.steward.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stack file that points Steward at a running demo: services {@code api}, {@code search}, {@code frontend}, plus
 * {@code db} and {@code cache} when a local PostgreSQL or Redis answers. Intervals are short so that a fault shows
 * within seconds: a check probes every 5 s, is DOWN after 2 failures probed 2 s apart, UP after 2 successes. With
 * {@code checkout}, the file also declares environments and the checkout's {@code deploy:} section
 * ({@link CheckoutStackFile}).
 *
 * @param faultApi where the fault API is mounted ({@code http://127.0.0.1:8080/demo/faults}), for the file's header
 *     comment; empty leaves the examples out
 */
public record DemoStackFile(
        URI api, URI search, URI frontend, LocalServers local, Optional<URI> faultApi, Optional<URI> checkout) {

    /** The environments the checkout service deploys to, in order. */
    public static final List<String> ENVIRONMENTS = List.of("staging", "production");

    /** Without the deployable checkout service. */
    public DemoStackFile(URI api, URI search, URI frontend, LocalServers local, Optional<URI> faultApi) {
        this(api, search, frontend, local, faultApi, Optional.empty());
    }

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String REDIS_URL = "redis://127.0.0.1:6379";

    public static DemoStackFile forStack(DemoStack stack, LocalServers local) {
        return new DemoStackFile(
                stack.url(DemoService.API),
                stack.url(DemoService.SEARCH),
                stack.url(DemoService.FRONTEND),
                local,
                Optional.empty(),
                Optional.of(stack.checkoutUrl()));
    }

    public DemoStackFile withFaultApi(URI url) {
        return new DemoStackFile(api, search, frontend, local, Optional.of(url), checkout);
    }

    /** Writes {@link #yaml()} to {@code file}, creating its directory, and returns the file. */
    public Path writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, yaml(), StandardCharsets.UTF_8);
        return file;
    }

    public String yaml() {
        var out = new StringBuilder();
        header(out);
        out.append("stack: demo\n");
        checkout.ifPresent(url -> CheckoutStackFile.environments(out));
        out.append("services:\n");
        apiService(out);
        service(out, "search", "Search cluster (Elasticsearch-shaped, single node)", List.of(), "search");
        check(out, "cluster", "elasticsearch: {url: " + quoted(search) + "}", "'cluster.status == \"green\"'");
        service(out, "frontend", "Web frontend", List.of("api"), "web");
        check(out, "page", http(frontend.resolve("/")), "'status == 200', 'body contains \"<title>\"'");
        if (local.postgres()) {
            service(out, "db", "Local PostgreSQL on 127.0.0.1:5432", List.of(), "data");
            check(out, "ping", "postgres: {url: \"" + POSTGRES_URL + "\", user: postgres, query: \"select 1\"}", null);
        }
        if (local.redis()) {
            service(out, "cache", "Local Redis on 127.0.0.1:6379", List.of(), "data");
            check(out, "ping", "redis: {url: \"" + REDIS_URL + "\"}", null);
        }
        checkout.ifPresent(url -> CheckoutStackFile.service(out, url));
        console(out);
        return out.toString();
    }

    private void apiService(StringBuilder out) {
        var deps = new ArrayList<String>();
        if (local.postgres()) {
            deps.add("db");
        }
        if (local.redis()) {
            deps.add("cache");
        }
        deps.add("search");
        service(out, "api", "Product API (Spring-style /health, ASP.NET Core /health/detailed)", deps, "backend");
        check(out, "health", http(api.resolve("/health")), "'status == 200', 'latency < 500ms'");
        check(out, "detailed", "health: {url: " + quoted(api.resolve("/health/detailed")) + "}", null);
        out.append("    metrics: {scrape: ")
                .append(quoted(api.resolve("/metrics")))
                .append(", interval: 5s}\n");
    }

    /** The overview's performance panel: the API's own request figures, from its scraped metrics. */
    private static void console(StringBuilder out) {
        String all = "http_requests_total{service=\"api\"}[1m]";
        out.append("console:\n  performance:\n");
        out.append("    latency: 'histogram_quantile(0.95, sum by (le) ")
                .append("(rate(http_request_duration_seconds_bucket{service=\"api\"}[1m])))'\n");
        out.append("    throughput: 'sum(rate(").append(all).append("))'\n");
        out.append("    error_rate: '(sum(rate(http_requests_total{service=\"api\",code=~\"5..\"}[1m])) or vector(0))")
                .append(" / sum(rate(")
                .append(all)
                .append("))'\n");
    }

    private void header(StringBuilder out) {
        out.append("# Generated by `steward demo` for the demo stack running in that process; its ports change\n");
        out.append("# from run to run, so edit a copy, not this file.\n");
        faultApi.ifPresent(url -> {
            out.append("# Break a service, then watch its checks go DOWN; clear the fault and watch them come back:\n");
            String curl = "#   curl -X POST " + url + " -H 'Content-Type: application/json' -d ";
            out.append(curl).append("'{\"service\":\"api\",\"fault\":\"down\"}'\n");
            out.append(curl).append("'{\"service\":\"search\",\"fault\":\"status\",\"status\":\"red\"}'\n");
            out.append(curl).append("'{\"service\":\"api\",\"fault\":\"clear\"}'\n");
            out.append("#   curl -X DELETE ").append(url).append("   # clears every fault\n");
        });
    }

    static void service(StringBuilder out, String name, String description, List<String> deps, String team) {
        out.append("  ").append(name).append(":\n");
        out.append("    description: \"").append(description).append("\"\n");
        if (!deps.isEmpty()) {
            out.append("    depends_on: [").append(String.join(", ", deps)).append("]\n");
        }
        out.append("    labels: {team: ").append(team).append("}\n");
        out.append("    checks:\n");
    }

    static void check(StringBuilder out, String name, String probe, String expect) {
        out.append("      - name: ").append(name).append('\n');
        out.append("        ").append(probe).append('\n');
        out.append("        interval: 5s\n");
        out.append("        timeout: 2s\n");
        if (expect != null) {
            out.append("        expect: [").append(expect).append("]\n");
        }
        out.append("        fail_after: 2\n");
        out.append("        retry_interval: 2s\n");
        out.append("        recover_after: 2\n");
    }

    static String http(URI url) {
        return "http: {url: " + quoted(url) + "}";
    }

    static String quoted(URI url) {
        return "\"" + url + "\"";
    }
}
