package dev.steward.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.core.audit.AuditProblem.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chain and its verifier: each kind of tampering is named at the record where it happened, and only there. */
class AuditVerifierTest {
    static final Instant T0 = Instant.parse("2028-02-29T23:59:59.123456Z");
    static final byte[] KEY = "audit-key-for-tests".getBytes(StandardCharsets.UTF_8);

    /** Ten records, checkpoints after seq 4 and seq 8. */
    static List<AuditRecord> log(int n) {
        List<AuditRecord> out = new ArrayList<>();
        Optional<AuditRecord> last = Optional.empty();
        for (int i = 1; i <= n; i++) {
            AuditRecord r = AuditChain.append(last, draft(i));
            out.add(r);
            last = Optional.of(r);
        }
        return out;
    }

    static AuditDraft draft(int i) {
        return new AuditDraft(
                T0.plus(Duration.ofMinutes(i)),
                "alice",
                "10.0.0." + i,
                i % 2 == 0 ? "incident.ack" : "silence.create",
                "incident/inc-" + i,
                i == 1 ? "" : "{\"state\":\"open\"}",
                "{\"state\":\"acknowledged\",\"n\":" + i + "}");
    }

    static List<Checkpoint> checkpoints(List<AuditRecord> records, long... seqs) {
        List<Checkpoint> out = new ArrayList<>();
        for (long s : seqs) {
            out.add(Checkpoint.sign(records.get((int) s - 1), T0.plus(Duration.ofHours(s)), KEY));
        }
        return out;
    }

    static AuditReport verify(List<AuditRecord> records, List<Checkpoint> checkpoints) {
        return AuditVerifier.verify(records, checkpoints, KEY);
    }

    static List<AuditRecord> replace(List<AuditRecord> records, int seq, UnaryOperator<AuditRecord> change) {
        List<AuditRecord> out = new ArrayList<>(records);
        out.set(seq - 1, change.apply(records.get(seq - 1)));
        return out;
    }

    @Test
    void anUntouchedLogIsIntactAndCountsTheRecordsAfterTheLastCheckpoint() {
        List<AuditRecord> log = log(10);

        AuditReport report = verify(log, checkpoints(log, 4, 8));

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(10);
        assertThat(report.lastSeq()).isEqualTo(10);
        assertThat(report.lastCheckpoint()).map(Checkpoint::seq).contains(8L);
        assertThat(report.unprotected()).isEqualTo(2);
    }

    @Test
    void anEmptyLogIsIntact() {
        AuditReport report = verify(List.of(), List.of());

        assertThat(report.intact()).isTrue();
        assertThat(report.lastSeq()).isZero();
        assertThat(report.unprotected()).isZero();
    }

    @Test
    void theChainStartsAtGenesisAndLinksEachRecordToTheOneBefore() {
        List<AuditRecord> log = log(3);

        assertThat(log).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(log.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(log.get(1).prevHash()).isEqualTo(log.get(0).hash());
        assertThat(log.get(0).at()).isEqualTo(Instant.parse("2028-03-01T00:00:59.123Z"));
        assertThat(log.get(0).hash()).hasSize(64).isEqualTo(AuditChain.expectedHash(log.get(0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at", "actor", "source", "action", "target", "before", "after", "prevHash", "hash"})
    void changingAnyFieldOfARecordIsReportedAsAlteredAtThatRecord(String field) {
        List<AuditRecord> tampered = replace(log(10), 6, r -> withField(r, field));

        AuditReport report = verify(tampered, List.of());

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(6);
            assertThat(p.kind()).isEqualTo(Kind.ALTERED);
        });
    }

    static AuditRecord withField(AuditRecord r, String field) {
        return new AuditRecord(
                r.seq(),
                field.equals("at") ? r.at().plusMillis(1) : r.at(),
                field.equals("actor") ? "mallory" : r.actor(),
                field.equals("source") ? "cli" : r.source(),
                field.equals("action") ? "incident.resolve" : r.action(),
                field.equals("target") ? "incident/other" : r.target(),
                field.equals("before") ? (r.before().isEmpty() ? "{}" : "") : r.before(),
                field.equals("after") ? "{\"state\":\"open\"}" : r.after(),
                field.equals("prevHash") ? "1".repeat(64) : r.prevHash(),
                field.equals("hash") ? "f".repeat(64) : r.hash());
    }

    @Test
    void aRecordRewrittenWithARecomputedHashIsNamedByTheLinkOfTheNextOne() {
        List<AuditRecord> log = log(10);
        AuditRecord forged = AuditChain.append(
                Optional.of(log.get(4)),
                new AuditDraft(log.get(5).at(), "mallory", "cli", "incident.ack", "incident/inc-6", "", ""));

        AuditReport report = verify(replace(log, 6, r -> forged), List.of());

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(6);
            assertThat(p.kind()).isEqualTo(Kind.ALTERED);
            assertThat(p.detail()).contains("recomputed hash");
        });
    }

    @Test
    void rewritingTheWholeChainAfterARecordIsCaughtByTheNextCheckpoint() {
        List<AuditRecord> log = log(10);
        List<Checkpoint> checkpoints = checkpoints(log, 4, 8);
        List<AuditRecord> rewritten = new ArrayList<>(log.subList(0, 5));
        Optional<AuditRecord> last = Optional.of(log.get(4));
        for (int i = 6; i <= 10; i++) {
            AuditRecord r = AuditChain.append(
                    last, i == 6 ? new AuditDraft(T0, "mallory", "cli", "x.y", "", "", "") : draft(i));
            rewritten.add(r);
            last = Optional.of(r);
        }

        AuditReport report = verify(rewritten, checkpoints);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(8);
            assertThat(p.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
        });
        assertThat(report.lastCheckpoint()).map(Checkpoint::seq).contains(4L);
    }

    @Test
    void aDeletedRecordIsReportedOnceWithItsSequence() {
        List<AuditRecord> tampered = new ArrayList<>(log(10));
        tampered.remove(6);

        assertThat(verify(tampered, List.of()).problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(7);
            assertThat(p.kind()).isEqualTo(Kind.DELETED);
            assertThat(p.detail()).startsWith("seq 7 missing");
        });
    }

    @Test
    void deletedRunsAndADeletedHeadAreReportedAsRanges() {
        List<AuditRecord> tampered = new ArrayList<>(log(10));
        tampered.subList(4, 7).clear();
        tampered.subList(0, 2).clear();

        assertThat(verify(tampered, List.of()).problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, Kind.DELETED),
                        org.assertj.core.groups.Tuple.tuple(5L, Kind.DELETED));
        assertThat(verify(tampered, List.of()).problems().get(1).detail()).startsWith("seq 5 to 7 missing");
    }

    @Test
    void aRecordStoredOutOfOrderIsReportedAsReordered() {
        List<AuditRecord> tampered = new ArrayList<>(log(10));
        AuditRecord third = tampered.remove(2);
        tampered.add(4, third);

        assertThat(verify(tampered, List.of()).problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(3);
            assertThat(p.kind()).isEqualTo(Kind.REORDERED);
            assertThat(p.detail()).isEqualTo("stored after seq 5");
        });
    }

    @Test
    void twoRecordsWhoseSequencesWereSwappedAreEachNamedWithWhereTheyWereWritten() {
        List<AuditRecord> log = log(10);
        List<AuditRecord> swapped = new ArrayList<>(log);
        swapped.set(2, withSeq(log.get(6), 3));
        swapped.set(6, withSeq(log.get(2), 7));

        assertThat(verify(swapped, List.of()).problems())
                .extracting(AuditProblem::toString)
                .containsExactly(
                        "seq 3: reordered: stored as seq 3 but written as seq 7",
                        "seq 7: reordered: stored as seq 7 but written as seq 3");
    }

    @Test
    void adjacentSwappedRecordsAreFoundEvenThoughEachLinksToTheOther() {
        List<AuditRecord> log = log(10);
        List<AuditRecord> swapped = new ArrayList<>(log);
        swapped.set(4, withSeq(log.get(5), 5));
        swapped.set(5, withSeq(log.get(4), 6));

        assertThat(verify(swapped, List.of()).problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5L, Kind.REORDERED),
                        org.assertj.core.groups.Tuple.tuple(6L, Kind.REORDERED));
    }

    @Test
    void aDeletionHiddenByRenumberingTheRecordsAfterItIsStillADeletion() {
        List<AuditRecord> log = log(10);
        List<AuditRecord> renumbered = new ArrayList<>(log.subList(0, 3));
        for (int i = 4; i < 10; i++) {
            renumbered.add(withSeq(log.get(i), i));
        }

        AuditReport report = verify(renumbered, checkpoints(log, 4, 8));

        assertThat(report.problems())
                .extracting(AuditProblem::toString)
                .startsWith(
                        "seq 4: deleted: seq 4 missing (the log goes on at seq 5)",
                        "seq 4: reordered: stored as seq 4 but written as seq 5")
                .endsWith("seq 9: reordered: stored as seq 9 but written as seq 10")
                .hasSize(7);
    }

    @Test
    void aRunRenumberedAtTheEndIsPlacedByTheCheckpointThatSignedIt() {
        List<AuditRecord> log = log(8);
        List<AuditRecord> renumbered = new ArrayList<>(log.subList(0, 5));
        renumbered.add(withSeq(log.get(6), 6));
        renumbered.add(withSeq(log.get(7), 7));

        AuditReport report = verify(renumbered, checkpoints(log, 4, 8));

        assertThat(report.problems())
                .extracting(AuditProblem::toString)
                .containsExactly(
                        "seq 6: deleted: seq 6 missing (the log goes on at seq 7)",
                        "seq 6: reordered: stored as seq 6 but written as seq 7",
                        "seq 7: reordered: stored as seq 7 but written as seq 8");
    }

    static AuditRecord withSeq(AuditRecord r, long seq) {
        return new AuditRecord(
                seq,
                r.at(),
                r.actor(),
                r.source(),
                r.action(),
                r.target(),
                r.before(),
                r.after(),
                r.prevHash(),
                r.hash());
    }

    @Test
    void aTailCutBeforeTheLastCheckpointIsTruncationBackToIt() {
        List<AuditRecord> log = log(10);
        List<Checkpoint> checkpoints = checkpoints(log, 4, 8);

        AuditReport report = verify(log.subList(0, 6), checkpoints);

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(7);
            assertThat(p.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(p.detail()).startsWith("seq 7 to 8 missing at the end of the log");
        });
    }

    @Test
    void aTailCutAfterTheLastCheckpointGoesUnnoticedButTheReportSaysHowManyRecordsWereUnprotected() {
        List<AuditRecord> log = log(10);
        List<Checkpoint> checkpoints = checkpoints(log, 4, 8);

        AuditReport report = verify(log.subList(0, 9), checkpoints);

        assertThat(report.intact()).isTrue();
        assertThat(report.unprotected()).isEqualTo(1);
    }

    @Test
    void aForgedOrAlteredCheckpointIsInvalid() {
        List<AuditRecord> log = log(10);
        Checkpoint genuine = checkpoints(log, 8).getFirst();
        Checkpoint otherKey = Checkpoint.sign(log.get(3), T0, "another key".getBytes(StandardCharsets.UTF_8));
        Checkpoint moved = new Checkpoint(9, log.get(8).hash(), genuine.at(), genuine.signature());

        AuditReport report = verify(log, List.of(otherKey, moved));

        assertThat(report.problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, Kind.CHECKPOINT_INVALID),
                        org.assertj.core.groups.Tuple.tuple(9L, Kind.CHECKPOINT_INVALID));
        assertThat(report.lastCheckpoint()).isEmpty();
        assertThat(report.unprotected()).isEqualTo(10);
    }

    @Test
    void theEncodingIsUnambiguousAcrossFieldBoundaries() {
        AuditRecord a = AuditChain.append(Optional.empty(), new AuditDraft(T0, "ab", "c", "x.y", "", "", ""));
        AuditRecord b = AuditChain.append(Optional.empty(), new AuditDraft(T0, "a", "bc", "x.y", "", "", ""));

        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void nulCharactersAreReplacedSoEveryStoreReadsTheRecordBackAsHashed() {
        AuditDraft d = new AuditDraft(T0, "al\u0000ice", "cli", "x.y", "", "", "");

        assertThat(d.actor()).isEqualTo("al\uFFFDice");
    }
}
