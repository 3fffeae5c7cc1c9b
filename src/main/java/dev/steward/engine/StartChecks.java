package dev.steward.engine;

import dev.steward.core.deploy.DeploySettings;
import dev.steward.core.deploy.Promotion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The fields of a start request that cannot be accepted, all of them at once. */
final class StartChecks {
    private StartChecks() {}

    /** How far ahead a deployment can be scheduled. */
    static final Duration HORIZON = Duration.ofDays(90);
    /** How far in the past a start time is still taken as "now" (clocks of clients drift). */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    static List<Deployments.Problem> problems(
            Deployments.StartRequest r,
            DeploymentLoop.Deployable service,
            Collection<String> deployable,
            DeploySettings settings,
            Instant now) {
        List<Deployments.Problem> out = new ArrayList<>();
        r.startAt().ifPresent(at -> {
            if (at.isBefore(now.minus(PAST_TOLERANCE))) {
                out.add(new Deployments.Problem(
                        "start_at",
                        at.toString(),
                        "a time not in the past (now is " + now + "); leave it out to start now"));
            } else if (at.isAfter(now.plus(HORIZON))) {
                out.add(new Deployments.Problem(
                        "start_at",
                        at.toString(),
                        "a time within " + HORIZON.toDays() + " days (by " + now.plus(HORIZON) + ")"));
            }
        });
        if (r.service().isBlank()) {
            out.add(new Deployments.Problem("service", "", "the name of a service with a deploy: section"));
        } else if (service == null) {
            out.add(new Deployments.Problem(
                    "service",
                    r.service(),
                    deployable.isEmpty()
                            ? "a service with a deploy: section (the stack has none)"
                            : "one of the services with a deploy: section: "
                                    + String.join(
                                            ", ", deployable.stream().sorted().toList())));
        }
        if (r.environment().isBlank()) {
            out.add(new Deployments.Problem("environment", "", "the environment to deploy to"));
        } else if (service != null) {
            Promotion.refusal(r.service(), service.config(), settings, r.environment())
                    .ifPresent(reason -> out.add(new Deployments.Problem("environment", r.environment(), reason)));
        }
        if (r.version().isBlank()) {
            out.add(new Deployments.Problem("version", "", "the version to deploy"));
        }
        if (r.stableVersion().filter(String::isBlank).isPresent()) {
            out.add(new Deployments.Problem("stable_version", "", "the version to roll back to, when given"));
        }
        return out;
    }
}
