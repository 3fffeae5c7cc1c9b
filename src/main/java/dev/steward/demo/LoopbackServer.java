package dev.steward.demo;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.util.function.Consumer;

/**
 * One demo service's HTTP listener on 127.0.0.1, which can stop listening (a real outage: the port refuses
 * connections) and listen again on the same port. Javalin cannot restart a stopped instance, so each {@link #listen()}
 * builds a fresh one with the same routes.
 */
final class LoopbackServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final String name;
    private final Consumer<RoutesConfig> routes;
    private int port;
    private Javalin app;

    private LoopbackServer(String name, int port, Consumer<RoutesConfig> routes) {
        this.name = name;
        this.port = port;
        this.routes = routes;
    }

    /** Starts listening on {@code port}, or on an ephemeral port when it is 0; the port is then kept for restarts. */
    static LoopbackServer start(String name, int port, Consumer<RoutesConfig> routes) {
        var server = new LoopbackServer(name, port, routes);
        server.listen();
        return server;
    }

    synchronized void listen() {
        if (app != null) {
            return;
        }
        Javalin created = Javalin.create(cfg -> {
            cfg.jetty.host = HOST;
            cfg.jetty.port = port;
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            routes.accept(cfg.routes);
        });
        try {
            created.start();
        } catch (RuntimeException e) {
            created.stop();
            throw new IllegalStateException(
                    "demo service " + name + " could not listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        app = created;
        port = created.port();
    }

    synchronized void stopListening() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    synchronized boolean listening() {
        return app != null;
    }

    synchronized int port() {
        return port;
    }

    URI baseUrl() {
        return URI.create("http://" + HOST + ":" + port());
    }

    @Override
    public void close() {
        stopListening();
    }
}
