package dev.steward.core.audit;

import dev.steward.core.audit.AuditProblem.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a stored audit log and names every problem with the sequence where it shows, one problem per cause rather
 * than one per record downstream of it:
 *
 * <ul>
 *   <li>a record whose fields no longer give its hash is <em>altered</em>, unless it gives its hash under another
 *       sequence where its links (or a checkpoint) place it: then it was <em>moved</em> (reordered) from there, which
 *       also finds a deletion hidden by renumbering the records after it;
 *   <li>a sequence missing between the first and the last (where records were written) is <em>deleted</em>, and a record stored out of sequence
 *       order is <em>reordered</em>;
 *   <li>an intact record whose predecessor is intact too but is not the one it links to means the predecessor was
 *       rewritten with a recomputed hash (reported as altered at the predecessor);
 *   <li>a checkpoint must be signed with the key and match the stored record at its sequence; one beyond the last
 *       record means the log was cut off (<em>truncated</em>). Cutting off records after the last checkpoint cannot be
 *       detected: {@link AuditReport#unprotected()} says how many records that concerns.
 * </ul>
 */
public final class AuditVerifier {
    private final List<AuditRecord> records;
    private final boolean[] intact;
    private final long[] writtenAt;
    private final Map<Long, Integer> bySeq = new HashMap<>();
    private final Map<String, Integer> byHash = new HashMap<>();
    /** Where each record was written (its stored sequence when that is unknown) to the record's index. */
    private final Map<Long, Integer> byPlace = new HashMap<>();

    private long lastPlace;
    private final List<AuditProblem> problems = new ArrayList<>();
    private long lastSeq;

    private AuditVerifier(List<AuditRecord> records) {
        this.records = List.copyOf(records);
        this.intact = new boolean[records.size()];
        this.writtenAt = new long[records.size()];
    }

    /** Verifies {@code records} as stored (in the store's order) and {@code checkpoints} under {@code key}. */
    public static AuditReport verify(List<AuditRecord> records, List<Checkpoint> checkpoints, byte[] key) {
        AuditVerifier v = new AuditVerifier(records);
        v.index();
        v.seed(checkpoints, key);
        v.findMoved();
        v.placeAll();
        v.checkRecords();
        v.checkGaps();
        Optional<Checkpoint> last = v.checkCheckpoints(checkpoints, key);
        v.problems.sort(Comparator.comparingLong(AuditProblem::seq).thenComparing(AuditProblem::kind));
        long unprotected = v.lastSeq - last.map(Checkpoint::seq).orElse(0L);
        return new AuditReport(records.size(), v.lastSeq, last, Math.max(0, unprotected), v.problems);
    }

    private void index() {
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            intact[i] = AuditChain.expectedHash(r).equals(r.hash());
            writtenAt[i] = intact[i] ? r.seq() : 0;
            bySeq.putIfAbsent(r.seq(), i);
            byHash.putIfAbsent(r.hash(), i);
            lastSeq = Math.max(lastSeq, r.seq());
        }
    }

    /** A validly signed checkpoint says where the record with its hash was written. */
    private void seed(List<Checkpoint> checkpoints, byte[] key) {
        for (Checkpoint c : checkpoints) {
            Integer i = byHash.get(c.hash());
            if (i != null && writtenAt[i] == 0 && hashesAt(records.get(i), c.seq()) && c.isSignedWith(key)) {
                writtenAt[i] = c.seq();
            }
        }
    }

    /**
     * Finds where each record that fails its hash was written: right after the record its link names, or right before
     * a record that links to it, if it hashes right at that sequence. Repeated until nothing more is found, because
     * a moved record may link to another moved one (a swap of neighbours, a run renumbered to hide a deletion).
     */
    private void findMoved() {
        boolean found = true;
        while (found) {
            found = false;
            for (int i = 0; i < records.size(); i++) {
                AuditRecord r = records.get(i);
                long after = writtenAt[i] == 0 ? linkedSeq(r) : 0;
                if (after > 0 && hashesAt(r, after)) {
                    writtenAt[i] = after;
                    found = true;
                }
                Integer pred = writtenAt[i] > 1 ? byHash.get(r.prevHash()) : null;
                if (pred != null && writtenAt[pred] == 0 && hashesAt(records.get(pred), writtenAt[i] - 1)) {
                    writtenAt[pred] = writtenAt[i] - 1;
                    found = true;
                }
            }
        }
    }

    private void placeAll() {
        for (int i = 0; i < records.size(); i++) {
            long place = writtenAt[i] != 0 ? writtenAt[i] : records.get(i).seq();
            byPlace.putIfAbsent(place, i);
            lastPlace = Math.max(lastPlace, place);
        }
    }

    private long linkedSeq(AuditRecord r) {
        if (r.prevHash().equals(AuditChain.GENESIS)) {
            return 1;
        }
        Integer pred = byHash.get(r.prevHash());
        return pred == null || writtenAt[pred] == 0 ? 0 : writtenAt[pred] + 1;
    }

    private static boolean hashesAt(AuditRecord r, long seq) {
        return AuditEncoding.hash(seq, r.draft(), r.prevHash()).equals(r.hash());
    }

    private void checkRecords() {
        long maxSeen = 0;
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            if (bySeq.get(r.seq()) != i) {
                add(
                        r.seq(),
                        Kind.ALTERED,
                        "a second record with this sequence (" + r.action() + " " + r.target() + ")");
            } else if (!intact[i] && writtenAt[i] != 0) {
                add(r.seq(), Kind.REORDERED, "stored as seq " + r.seq() + " but written as seq " + writtenAt[i]);
            } else if (!intact[i]) {
                add(r.seq(), Kind.ALTERED, "its fields no longer give its hash (" + describe(r) + ")");
            } else if (r.seq() < maxSeen) {
                add(r.seq(), Kind.REORDERED, "stored after seq " + maxSeen);
            } else {
                checkLink(r);
            }
            maxSeen = Math.max(maxSeen, r.seq());
        }
    }

    /** An intact record whose intact predecessor is not the record it was written after. */
    private void checkLink(AuditRecord r) {
        if (r.seq() == 1) {
            if (!r.prevHash().equals(AuditChain.GENESIS)) {
                add(1, Kind.ALTERED, "the first record does not start the chain: a record before it was removed");
            }
            return;
        }
        Integer pred = bySeq.get(r.seq() - 1);
        if (pred == null
                || !intact[pred]
                || r.prevHash().equals(records.get(pred).hash())) {
            return; // a missing or failing predecessor is reported on its own
        }
        add(
                r.seq() - 1,
                Kind.ALTERED,
                "not the record seq " + r.seq() + " was written after: replaced, or rewritten with a recomputed hash");
    }

    private void checkGaps() {
        long expected = 1;
        for (long seq : byPlace.keySet().stream().sorted().toList()) {
            if (seq > expected) {
                String range = seq - 1 == expected ? "seq " + expected : "seq " + expected + " to " + (seq - 1);
                add(expected, Kind.DELETED, range + " missing (the log goes on at seq " + seq + ")");
            }
            expected = seq + 1;
        }
    }

    private Optional<Checkpoint> checkCheckpoints(List<Checkpoint> checkpoints, byte[] key) {
        Optional<Checkpoint> lastGood = Optional.empty();
        Optional<Checkpoint> beyond = Optional.empty();
        for (Checkpoint c : checkpoints.stream()
                .sorted(Comparator.comparingLong(Checkpoint::seq))
                .toList()) {
            Integer at = byPlace.get(c.seq());
            if (!c.isSignedWith(key)) {
                add(
                        c.seq(),
                        Kind.CHECKPOINT_INVALID,
                        "the signature of the checkpoint made " + c.at()
                                + " is not the audit key's: forged, altered, or signed with another key");
            } else if (at == null && c.seq() > lastPlace) {
                beyond = Optional.of(c);
            } else if (at != null && !records.get(at).hash().equals(c.hash())) {
                add(
                        c.seq(),
                        Kind.CHECKPOINT_MISMATCH,
                        "the checkpoint made " + c.at() + " signed hash " + abbrev(c.hash())
                                + " but the record stored carries "
                                + abbrev(records.get(at).hash()));
            } else if (at != null && intact[at]) {
                lastGood = Optional.of(c);
            }
        }
        beyond.ifPresent(c -> add(
                lastPlace + 1,
                Kind.TRUNCATED,
                (lastPlace + 1 == c.seq() ? "seq " + c.seq() : "seq " + (lastPlace + 1) + " to " + c.seq())
                        + " missing at the end of the log: the checkpoint made " + c.at() + " vouches for seq "
                        + c.seq()));
        return lastGood;
    }

    private static String describe(AuditRecord r) {
        return r.action() + " " + r.target() + " by " + r.actor() + " at " + r.at();
    }

    private static String abbrev(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private void add(long seq, Kind kind, String detail) {
        problems.add(new AuditProblem(seq, kind, detail));
    }
}
