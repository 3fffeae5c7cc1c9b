package dev.steward.demo;

import io.javalin.config.RoutesConfig;
import java.net.URI;

/** The demo's web frontend: one small HTML page at {@code /}. */
final class FrontendService {

    private final FaultGate gate;
    private final String page;

    FrontendService(FaultController faults, URI api) {
        this.gate = new FaultGate(DemoService.FRONTEND, faults, ctx -> ctx.html(ERROR_PAGE));
        this.page = PAGE.replace("{api}", api.toString());
    }

    void routes(RoutesConfig routes) {
        routes.get("/", gate.wrap(ctx -> ctx.html(page)));
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Documents - Steward demo</title></head>
            <body>
            <h1>Documents</h1>
            <p>The frontend of the Steward demo stack. Its API lists documents at
            <a href="{api}/api/documents">{api}/api/documents</a>.</p>
            </body>
            </html>
            """;

    private static final String ERROR_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"></head>
            <body><h1>500 Internal Server Error</h1><p>fault 'error' injected by steward demo</p></body></html>
            """;
}
