package org.ctemcycles.app;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.ClosureSeal;
import org.ctemcycles.core.cadence.FrozenReport;
import org.ctemcycles.core.common.NotFoundException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The evidence pack frozen at closure (ADR 083): at closure the pack is assembled once more, inside the closure's
 * transaction, and rendered as JSON (the canonical rendering, the one an auditor downloads and checks) and, where the
 * record has the report template's renderer (in Jira and in the {@code ctem} command), as the template's whole
 * document, each stored in pieces with its SHA-256 ({@link AoFrozenReports}); the closure's log entries commit the
 * hashes. Later changes of the record (an issue reopened in Jira after closure) leave the frozen pack as it was: the
 * live pack shows them. {@link #verify} checks the stored bytes against the hash chain.
 */
public final class FrozenReports implements ClosureSeal {

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

    /**
     * @param evidence the record's pack service (a supplier: the pack service reads the closure, which freezes)
     * @param html     the template's renderer, or null where there is none (then only the JSON is frozen)
     */
    public FrozenReports(AoFrozenReports store, Supplier<EvidencePackService> evidence, RecordPages pages,
                         ActivityLog log, PackHtml html) {
        this.store = store;
        this.evidence = evidence;
        this.pages = pages;
        this.log = log;
        this.html = html;
    }

    @Override
    public List<FrozenReport> freeze(String cycleKey, Instant at, String actor) {
        EvidencePack pack = evidence.get().assemble(cycleKey, actor);
        List<FrozenReport> frozen = new ArrayList<>();
        try {
            frozen.add(store.write(cycleKey, FrozenReport.JSON, at, out -> new PackJson().write(pack, out)));
            if (html != null) {
                ReportContext.ChartFacts facts = new ReportContext.ChartFacts(pages.findingsBySurface(cycleKey),
                        pages.scoreDeciles(cycleKey));
                frozen.add(store.write(cycleKey, FrozenReport.HTML, at, out -> html.write(pack, facts, out)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot freeze the evidence pack of " + cycleKey, e);
        }
        return frozen;
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
     * and that every stored rendering was committed.
     */
    public Verification verify(String cycleKey) {
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
        return new Verification(checked.stream().sorted().toList(), breaches);
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

    /** Which frozen renderings matched their commitment, and what did not. */
    public record Verification(List<String> verified, List<String> breaches) {

        public boolean intact() {
            return breaches.isEmpty();
        }
    }
}
