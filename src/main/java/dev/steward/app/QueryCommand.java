package dev.steward.app;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code steward query}: a PromQL query against a running Steward (or any Prometheus-compatible API). Exit 0 with a
 * result, 1 when the query failed, 2 on a usage error or when the server cannot be reached.
 */
@Command(
        name = "query",
        description = "Run a PromQL query against the daemon's API. Exit 0 success, 1 query error, 2 usage or "
                + "connection error.")
final class QueryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPR", description = "The PromQL expression.")
    String expr;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            description = "Evaluation time (RFC 3339 or unix seconds); default now.")
    String at;

    @Option(
            names = "--range",
            arity = "3",
            paramLabel = "START END STEP",
            description = "A range query: start, end (RFC 3339 or unix seconds) and step (15s, 1m or seconds).")
    String[] range;

    @CommandLine.Mixin
    ServerOption server;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    CheckCommand.Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The API path under the server URL, keeping any path prefix the URL has ({@code http://h/prometheus}). */
    private URI endpoint(String path) {
        return server.client().endpoint(path);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", expr);
        String path;
        if (range != null) {
            path = "/api/v1/query_range";
            params.put("start", range[0]);
            params.put("end", range[1]);
            params.put("step", range[2]);
        } else {
            path = "/api/v1/query";
            if (at != null) {
                params.put("time", at);
            }
        }
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(
                    ApiClient.authorized(HttpRequest.newBuilder(endpoint(path)))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            err.printf("steward query: cannot reach %s: %s%n", endpoint(path), e);
            err.flush();
            return 2;
        }
        JsonNode doc;
        try {
            doc = JsonMapper.builder().build().readTree(response.body());
        } catch (RuntimeException e) {
            err.printf(
                    "steward query: %s answered HTTP %d with a body that is not JSON%n",
                    server.url, response.statusCode());
            err.flush();
            return 2;
        }
        if (!"success".equals(doc.path("status").asString(""))) {
            err.printf(
                    "steward query: %s: %s%n",
                    doc.path("errorType").asString("error"), doc.path("error").asString());
            err.flush();
            return 1;
        }
        if (format == CheckCommand.Format.json) {
            out.println(response.body()); // as the server wrote it: numbers keep their form
        } else {
            out.print(QueryText.render(doc.get("data")));
        }
        doc.path("warnings").forEach(w -> err.println("warning: " + w.asString()));
        out.flush();
        err.flush();
        return 0;
    }
}
