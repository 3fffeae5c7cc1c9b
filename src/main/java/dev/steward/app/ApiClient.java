package dev.steward.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's side of the daemon's JSON API: one request, its status and parsed body, or a clear reason why the daemon
 * could not be reached or did not answer JSON. The server URL may carry a path prefix ({@code http://h/steward}).
 */
final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final URI server;

    ApiClient(URI server) {
        this.server = server;
    }

    /** {@code collection} + {@code id} (percent-encoded as one path segment) + {@code action}. */
    static String resource(String collection, String id, String action) {
        return collection
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")
                + action;
    }

    /** An answer: the HTTP status and the JSON body (a missing node when the body was empty). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The error text of an API error body ({@code {"error": ...}}), or the status. */
        String error() {
            String e = body.path("error").asString("");
            return e.isEmpty() ? "HTTP " + status : e;
        }
    }

    /** Thrown when the daemon cannot be reached or answers something that is not JSON: exit code 2. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    URI endpoint(String path) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    Answer get(String path) throws Unreachable, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(endpoint(path))).GET().build());
    }

    /** Adds {@code Authorization: Bearer $STEWARD_TOKEN} when that variable is set (an API token). */
    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorized(request, System.getenv("STEWARD_TOKEN"));
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token.strip());
    }

    Answer post(String path, Map<String, ?> body) throws Unreachable, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(endpoint(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    private Answer send(HttpRequest request) throws Unreachable, InterruptedException {
        HttpResponse<String> response;
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + request.uri() + ": " + e);
        }
        if (response.body().isBlank()) {
            return new Answer(response.statusCode(), JSON.missingNode());
        }
        try {
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (RuntimeException e) {
            throw new Unreachable(request.uri() + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON; is --server a Steward daemon?");
        }
    }
}
