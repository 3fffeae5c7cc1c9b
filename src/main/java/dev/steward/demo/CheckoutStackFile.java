package dev.steward.demo;

import java.net.URI;
import java.util.List;

/**
 * The deployable checkout service's part of the demo stack file: environments {@code staging} and {@code production},
 * and a {@code deploy:} section using the real {@code http} provider pointed at the checkout's {@code /deploy}. The
 * canary goes to 20 % then 50 % of traffic, 30 s each, judged every 10 s by the canary's own 5xx ratio over the last
 * minute: above 5 % rolls back at once.
 */
final class CheckoutStackFile {

    /** The canary's share of 5xx answers over the last minute; empty (insufficient data) while it served nothing. */
    static final String CANARY_ERROR_RATE =
            "(sum(increase(http_requests_total{service=\"checkout\",role=\"canary\",code=~\"5..\"}[1m]))"
                    + " or vector(0)) / (sum(increase(http_requests_total{service=\"checkout\",role=\"canary\"}[1m]))"
                    + " > 0)";

    private CheckoutStackFile() {}

    static void environments(StringBuilder out) {
        out.append("environments:\n");
        for (String name : DemoStackFile.ENVIRONMENTS) {
            out.append("  - name: ").append(name).append('\n');
        }
    }

    static void service(StringBuilder out, URI checkout) {
        DemoStackFile.service(
                out,
                "checkout",
                "Checkout (deployable: a stable and a canary version split by weight)",
                List.of(),
                "payments");
        DemoStackFile.check(out, "health", DemoStackFile.http(checkout.resolve("/health")), "'status == 200'");
        out.append("    metrics: {scrape: ")
                .append(DemoStackFile.quoted(checkout.resolve("/metrics")))
                .append(", interval: 5s}\n");
        out.append("""
                    deploy:
                      provider: {type: http, url: %s}
                      strategy:
                        canary:
                          steps:
                            - {weight: 20, pause: 30s, analysis: canary-errors}
                            - {weight: 50, pause: 30s, analysis: canary-errors}
                      gates:
                        after: {validation: 30s}
                      analyses:
                        canary-errors:
                          interval: 10s
                          min_samples: 2
                          metrics:
                            - name: canary-error-rate
                              query: '%s'
                              failure: 'result > 0.05'
                """.formatted(DemoStackFile.quoted(checkout.resolve("/deploy")), CANARY_ERROR_RATE));
    }
}
