package dev.steward.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** An in-process HTTP(S) server on 127.0.0.1 and an ephemeral port, for probe tests. */
public final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final String scheme;

    private LocalHttpServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static LocalHttpServer http() {
        try {
            return new LocalHttpServer(HttpServer.create(address(), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalHttpServer https(SSLContext context) {
        try {
            HttpsServer server = HttpsServer.create(address(), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return new LocalHttpServer(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public LocalHttpServer route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Answers {@code status} with a JSON {@code body}. */
    public LocalHttpServer json(String path, int status, String body) {
        return route(path, exchange -> reply(exchange, status, "application/json", body));
    }

    public URI uri(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
