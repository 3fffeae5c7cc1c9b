package dev.steward.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random walks through deployments: random observations, provider answers, operator commands and restarts, in random
 * order and at random times. Whatever happens, every move is one of the table's, nothing is issued once a deployment
 * is over (but its cleanup), a rollback is never issued by Steward itself after an irreversible step, and the
 * timeline only grows.
 */
class DeploymentRandomWalkTest {
    private static final List<Observation> OBSERVATIONS = List.of(
            Drive.GOOD,
            Drive.GOOD,
            Drive.GOOD,
            Drive.BAD,
            Drive.UNCLEAR,
            Drive.NO_DATA,
            Drive.ERROR,
            Drive.BLOCKED,
            Drive.UNHEALTHY,
            Drive.GOOD.withStableCapacity(new Observation.Capacity(0, 2)));
    private static final List<Actuation.Result> RESULTS =
            List.of(Drive.APPLIED, Drive.APPLIED, Drive.RETRYABLE, Drive.BROKEN);
    private static final List<Trigger> COMMANDS =
            List.of(Trigger.values()).stream().filter(Trigger::command).toList();

    static LongStream seeds() {
        long base = new Random().nextLong();
        System.out.println("DeploymentRandomWalkTest base seed: " + base);
        return LongStream.range(0, 150).map(i -> base + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyWalkStaysInsideTheTable(long seed) {
        Random random = new Random(seed);
        boolean irreversible = random.nextBoolean();
        Drive d = random.nextInt(4) == 0 ? Drive.blueGreen() : new Drive(irreversible);
        for (int i = 0; i < 80; i++) {
            int before = d.deployment.timeline().size();
            StateKind kind = d.kind();
            boolean operatorRolledBack =
                    d.deployment.timeline().stream().anyMatch(e -> e.trigger() == Trigger.ROLLBACK);
            d.after(Duration.ofSeconds(random.nextInt(90)));
            DeploymentStep s = switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> d.step(OBSERVATIONS.get(random.nextInt(OBSERVATIONS.size())));
                case 5, 6 -> d.actuated(RESULTS.get(random.nextInt(RESULTS.size())));
                case 7, 8 -> {
                    d.command(COMMANDS.get(random.nextInt(COMMANDS.size())));
                    yield null;
                }
                default -> d.recover();
            };
            assertThat(d.deployment.timeline().size()).as("seed %d", seed).isGreaterThanOrEqualTo(before);
            for (DeploymentEvent e : d.deployment
                    .timeline()
                    .subList(before, d.deployment.timeline().size())) {
                assertThat(Transitions.allows(e.from(), e.trigger(), e.to()))
                        .as("seed %d: %s", seed, e)
                        .isTrue();
            }
            if (s != null && kind.terminal() && kind != StateKind.SUCCEEDED) {
                assertThat(s.actuations())
                        .as("seed %d: issued after %s", seed, kind)
                        .isEmpty();
            }
            if (s != null && d.deployment.plan().irreversibleThrough(0) && !operatorRolledBack) {
                boolean steward = d.deployment.timeline().stream().noneMatch(e -> e.trigger() == Trigger.ROLLBACK);
                if (steward) {
                    assertThat(s.actuations())
                            .as("seed %d: rollback after an irreversible step", seed)
                            .noneMatch(a -> a.action() == Actuation.Action.ROLLBACK
                                    && d.deployment.timeline().stream()
                                            .anyMatch(e -> e.trigger() == Trigger.STEP_APPLIED));
                }
            }
        }
    }
}
