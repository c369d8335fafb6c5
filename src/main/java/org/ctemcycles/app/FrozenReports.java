package org.ctemcycles.app;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.ClosureSeal;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.ConflictException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.evidence.EvidencePack;
import org.ctemcycles.core.evidence.EvidencePackService;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.report.evidence.PackJson;
import org.ctemcycles.report.view.ReportContext;
import org.ctemcycles.store.AoFrozenReports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The evidence pack frozen at closure (ADR 083, 084): the closure's transaction records that the pack is owed; once
 * it has committed, the pack is assembled once more and rendered as JSON (the canonical rendering, the one an auditor
 * downloads and checks) and, where the record has the report template's renderer (in Jira and in the {@code ctem}
 * command), as the template's whole document, each stored in pieces with its SHA-256 ({@link AoFrozenReports}) a
 * statement at a time, outside any transaction; one last transaction makes the pieces the frozen renderings and
 * commits their hashes in the chain ({@code REPORT_FROZEN}). One attempt at a time holds the cycle's claim, renewed
 * as it stores pieces; a claim that has shown no life for {@link #LEASE} lapses, and the next attempt removes what
 * the lapsed one half-stored. Later changes of the record (an issue reopened in Jira after closure) leave the frozen
 * pack as it was: the live pack shows them. {@link #verify} checks the stored bytes against the hash chain.
 */
public final class FrozenReports implements ClosureSeal {

    /** How long a freeze attempt's claim holds without a sign of life (it renews it with every piece it stores). */
    public static final Duration LEASE = Duration.ofMinutes(10);

    /** Renders a pack as the report template's whole document (Jira's template renderer, or the command's engine). */
    @FunctionalInterface
    public interface PackHtml {
        void write(EvidencePack pack, ReportContext.ChartFacts facts, Writer out) throws IOException;
    }

    private final AoFrozenReports store;
    private final Supplier<EvidencePackService> evidence;
    private final RecordPages pages;
    private final ActivityLog log;
    private final PackHtml html;
    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param evidence the record's pack service (a supplier: the pack service reads the closure, which freezes)
     * @param html     the template's renderer, or null where there is none (then only the JSON is frozen)
     */
    public FrozenReports(AoFrozenReports store, Supplier<EvidencePackService> evidence, RecordPages pages,
                         ActivityLog log, PackHtml html, Transactions transactions, Clock clock) {
        this.store = store;
        this.evidence = evidence;
        this.pages = pages;
        this.log = log;
        this.html = html;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void owe(String cycleKey, Instant at, String actor) {
        store.owe(cycleKey, at, actor);
    }

    @Override
    public boolean unfinished(String cycleKey) {
        return store.claim(cycleKey).filter(c -> !c.frozen()).isPresent();
    }

    @Override
    public void finish(String cycleKey) {
        Optional<AoFrozenReports.Claim> owed = store.claim(cycleKey).filter(c -> !c.frozen());
        if (owed.isEmpty()) {
            return;
        }
        String attempt = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
        Optional<Taken> taken = transactions.inTransaction(() -> take(cycleKey, attempt));
        if (taken.isEmpty()) {
            return; // another request finished it meanwhile
        }
        // what a failed or lapsed attempt half-stored
        store.removePieces(cycleKey, renderings());
        try {
            freeze(taken.get().mine());
        } catch (RuntimeException | IOException e) {
            // still the claim's holder: leave nothing half-stored behind, and let the next attempt start at once
            if (store.claim(cycleKey).filter(c -> attempt.equals(c.attempt()) && !c.frozen()).isPresent()) {
                store.removePieces(cycleKey, renderings());
                transactions.inTransaction(() -> store.claim(cycleKey).filter(c -> attempt.equals(c.attempt()))
                        .flatMap(c -> store.replace(c, AoFrozenReports.Claim.OWED, null, Instant.EPOCH)));
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot freeze the evidence pack of " + cycleKey, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The claim an attempt took, and the lapsed attempt it took it from (null when none held it). */
    private record Taken(AoFrozenReports.Claim mine, String previous) {
    }

    /**
     * Takes the cycle's claim for {@code attempt} when nobody holds it or its holder has lapsed; empty when the pack
     * was frozen meanwhile.
     *
     * @throws ConflictException when another attempt holds the claim
     */
    private Optional<Taken> take(String cycleKey, String attempt) {
        AoFrozenReports.Claim claim = store.claim(cycleKey).orElseThrow();
        Instant now = clock.instant();
        if (claim.frozen()) {
            return Optional.empty();
        }
        if (claim.attempt() != null && claim.claimedAt().plus(LEASE).isAfter(now)) {
            throw new ConflictException("the evidence pack of " + cycleKey + " is being frozen by another request"
                    + " (since " + claim.claimedAt() + "); try again when it has finished");
        }
        AoFrozenReports.Claim mine = store.replace(claim, AoFrozenReports.Claim.OWED, attempt, now).orElseThrow(() ->
                new ConflictException("another request began freezing the evidence pack of " + cycleKey
                        + " first; try again when it has finished"));
        return Optional.of(new Taken(mine, claim.attempt()));
    }

    /**
     * Renders and stores the pack under the attempt's claim, outside any transaction (a statement per page read and
     * per piece stored), then in one transaction makes the pieces the frozen renderings and logs their hashes.
     */
    private void freeze(AoFrozenReports.Claim claim) throws IOException {
        String cycleKey = claim.cycleKey();
        Renewal renewal = new Renewal(claim);
        EvidencePack pack = evidence.get().assemble(cycleKey, claim.closedBy());
        List<AoFrozenReports.Pieces> stored = new ArrayList<>();
        stored.add(store.store(cycleKey, FrozenReport.JSON, out -> new PackJson().write(pack, out),
                renewal));
        if (html != null) {
            ReportContext.ChartFacts facts = new ReportContext.ChartFacts(pages.findingsBySurface(cycleKey),
                    pages.scoreDeciles(cycleKey));
            stored.add(store.store(cycleKey, FrozenReport.HTML, out -> html.write(pack, facts, out),
                    renewal));
        }
        renewal.now();
        transactions.inTransaction(() -> {
            AoFrozenReports.Claim current = store.claim(cycleKey).filter(c -> claim.attempt().equals(c.attempt()))
                    .orElseThrow(() -> lost(cycleKey));
            store.replace(current, AoFrozenReports.Claim.FROZEN, claim.attempt(), clock.instant())
                    .orElseThrow(() -> lost(cycleKey));
            List<FrozenReport> frozen = stored.stream().map(p -> store.commit(p, claim.frozenAt())).toList();
            StateText state = StateText.of("renderings", frozen.stream().map(FrozenReport::rendering)
                    .collect(Collectors.joining(" ")));
            for (FrozenReport report : frozen) {
                state.and(report.hashField(), report.sha256()).and(FrozenReport.bytesField(report.rendering()),
                        report.bytes());
            }
            // an entry of its own after the closure's: the pack holds the closure's entry, and an entry cannot hold
            // the hash of a document that contains it
            log.append(new LogRecord(cycleKey, clock.instant(), claim.closedBy(), LogAction.REPORT_FROZEN,
                    LogRecord.cycleSubject(cycleKey), "", state.toString()));
            return frozen;
        });
    }

    private static ConflictException lost(String cycleKey) {
        return new ConflictException("another request took over freezing the evidence pack of " + cycleKey
                + " (this one had shown no life for " + LEASE.toMinutes() + " minutes)");
    }

    private List<String> renderings() {
        return html == null ? List.of(FrozenReport.JSON) : List.of(FrozenReport.JSON, FrozenReport.HTML);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    /** Renews the attempt's claim as it stores pieces, a fifth of a lease apart; stops it when it lost the claim. */
    private final class Renewal implements Runnable {

        private AoFrozenReports.Claim claim;

        Renewal(AoFrozenReports.Claim claim) {
            this.claim = claim;
        }

        @Override
        public void run() {
            if (clock.instant().isAfter(claim.claimedAt().plus(LEASE.dividedBy(5)))) {
                now();
            }
        }

        /** Renews the claim now: the last transaction then runs well within the lease. */
        void now() {
            Instant now = clock.instant();
            claim = transactions.inTransaction(() -> store.claim(claim.cycleKey())
                    .filter(c -> claim.attempt().equals(c.attempt()))
                    .flatMap(c -> store.replace(c, AoFrozenReports.Claim.OWED, claim.attempt(), now)))
                    .orElseThrow(() -> lost(claim.cycleKey()));
        }
    }

    /** The cycle's frozen renderings (none while it runs, or for a cycle closed before frozen packs existed). */
    public List<FrozenReport> list(String cycleKey) {
        return store.list(cycleKey);
    }

    public Optional<FrozenReport> find(String cycleKey, String rendering) {
        return store.find(cycleKey, rendering);
    }

    /**
     * Writes the stored bytes of a frozen rendering, exactly as they were frozen, a piece at a time.
     *
     * @throws NotFoundException when the cycle has no such frozen rendering
     */
    public void copy(String cycleKey, String rendering, OutputStream out) throws IOException {
        if (store.find(cycleKey, rendering).isEmpty()) {
            throw new NotFoundException("cycle " + cycleKey + " has no evidence pack frozen at closure as "
                    + rendering);
        }
        store.copy(cycleKey, rendering, out);
    }

    /**
     * Checks each frozen rendering's stored bytes against the hash and length its closure committed in the chain,
     * and that every stored rendering was committed; says whether the pack is frozen, not yet (the closure committed,
     * its freeze did not finish), or was never owed (a running cycle, or one closed before frozen packs existed).
     */
    public Verification verify(String cycleKey) {
        Optional<AoFrozenReports.Claim> claim = store.claim(cycleKey);
        Map<String, String[]> committed = commitments(cycleKey);
        List<String> checked = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        for (Map.Entry<String, String[]> commitment : committed.entrySet()) {
            String rendering = commitment.getKey();
            AoFrozenReports.Stored stored = store.rehash(cycleKey, rendering);
            if (stored == null) {
                breaches.add("the frozen " + rendering + " committed at closure is missing");
            } else if (!stored.sha256().equals(commitment.getValue()[0])
                    || !String.valueOf(stored.bytes()).equals(commitment.getValue()[1])) {
                breaches.add("the frozen " + rendering + " was changed: its stored bytes hash to " + stored.sha256()
                        + " (" + stored.bytes() + " bytes), the closure committed " + commitment.getValue()[0]
                        + " (" + commitment.getValue()[1] + " bytes)");
            } else {
                checked.add(rendering);
            }
        }
        for (FrozenReport report : store.list(cycleKey)) {
            if (!committed.containsKey(report.rendering())) {
                breaches.add("the frozen " + report.rendering() + " was not committed by the closure's log entry");
            }
        }
        if (committed.isEmpty() && claim.filter(AoFrozenReports.Claim::frozen).isPresent()) {
            breaches.add("the pack is marked frozen, but no REPORT_FROZEN entry of the chain commits it");
        }
        String state = !committed.isEmpty() || claim.filter(AoFrozenReports.Claim::frozen).isPresent()
                ? Verification.FROZEN : claim.isPresent() ? Verification.UNFINISHED : Verification.NONE;
        return new Verification(state, checked.stream().sorted().toList(), breaches);
    }

    /**
     * The SHA-256 the closure committed in the hash-chained log for a frozen rendering: what a download or the
     * report view vouches for (not the stored row's own column, which an edit of the stored pieces could change too).
     */
    public Optional<String> committedSha256(String cycleKey, String rendering) {
        return Optional.ofNullable(commitments(cycleKey).get(rendering)).map(c -> c[0]);
    }

    /** Each rendering's committed hash and byte length, from the cycle's REPORT_FROZEN entries. */
    private Map<String, String[]> commitments(String cycleKey) {
        Map<String, String[]> committed = new HashMap<>();
        for (LogEntry entry : log.about(LogRecord.cycleSubject(cycleKey))) {
            if (entry.cycleKey().equals(cycleKey) && entry.is(LogAction.REPORT_FROZEN)) {
                Map<String, String> fields = new HashMap<>();
                StateText.fields(entry.after()).forEach(f -> fields.put(f.name(), f.value()));
                for (String rendering : List.of(FrozenReport.JSON, FrozenReport.HTML)) {
                    if (fields.containsKey(FrozenReport.hashField(rendering))) {
                        committed.put(rendering, new String[]{fields.get(FrozenReport.hashField(rendering)),
                                fields.getOrDefault(FrozenReport.bytesField(rendering), "")});
                    }
                }
            }
        }
        return committed;
    }

    /**
     * Whether the pack is {@link #FROZEN}, {@link #UNFINISHED} (closed, its freeze not finished: closing again
     * finishes it) or {@link #NONE}; which frozen renderings matched their commitment, and what did not.
     */
    public record Verification(String state, List<String> verified, List<String> breaches) {

        public static final String FROZEN = "frozen";
        public static final String UNFINISHED = "unfinished";
        public static final String NONE = "none";

        public boolean intact() {
            return breaches.isEmpty();
        }
    }
}
