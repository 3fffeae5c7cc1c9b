package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random single tamperings of a random log (seeded; the seed is the test's name): whatever is done to a record before
 * the last checkpoint, the report names that record's sequence.
 */
class AuditTamperPropertyTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyTamperingBeforeTheLastCheckpointIsNamedAtItsRecord(long seed) {
        Random random = new Random(seed);
        int n = 5 + random.nextInt(40);
        List<AuditRecord> log = AuditVerifierTest.log(n);
        List<Checkpoint> checkpoints = AuditVerifierTest.checkpoints(log, n - 1);
        int victim = 1 + random.nextInt(n - 1);
        List<AuditRecord> tampered = new ArrayList<>(log);
        String what;
        switch (random.nextInt(3)) {
            case 0 -> {
                String[] fields = {"at", "actor", "source", "action", "target", "before", "after", "prevHash", "hash"};
                String field = fields[random.nextInt(fields.length)];
                tampered.set(victim - 1, AuditVerifierTest.withField(log.get(victim - 1), field));
                what = "altered " + field + " of seq " + victim;
            }
            case 1 -> {
                tampered.remove(victim - 1);
                what = "deleted seq " + victim;
            }
            default -> {
                int other = victim == n ? 1 : victim + 1 + random.nextInt(n - victim);
                tampered.set(victim - 1, AuditVerifierTest.withSeq(log.get(other - 1), victim));
                tampered.set(other - 1, AuditVerifierTest.withSeq(log.get(victim - 1), other));
                what = "swapped seq " + victim + " and " + other;
            }
        }

        AuditReport report = AuditVerifier.verify(tampered, checkpoints, AuditVerifierTest.KEY);

        assertThat(report.problems())
                .as("seed %d: %s", seed, what)
                .extracting(AuditProblem::seq)
                .contains((long) victim);
    }
}
