package dev.steward.demo;

import io.javalin.http.Handler;

/**
 * Wraps a demo service's route so that the service's current fault applies to it: {@code slow} holds the request
 * before the route runs, {@code error} answers 500 instead of the route. {@code down} needs nothing here, the listener
 * is closed. Routes not wrapped ({@code /metrics}) keep answering, so the effect of a fault stays observable.
 */
final class FaultGate {

    private final DemoService service;
    private final FaultController faults;
    private final Handler errorAnswer;

    FaultGate(DemoService service, FaultController faults, Handler errorAnswer) {
        this.service = service;
        this.faults = faults;
        this.errorAnswer = errorAnswer;
    }

    Handler wrap(Handler route) {
        return ctx -> {
            faults.holdIfSlow(service);
            if (faults.current(service).orElse(null) instanceof Fault.ServerError) {
                ctx.status(500);
                errorAnswer.handle(ctx);
            } else {
                route.handle(ctx);
            }
        };
    }
}
