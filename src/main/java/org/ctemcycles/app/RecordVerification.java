package org.ctemcycles.app;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.audit.ChainVerifier;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.RecordDigests;
import org.ctemcycles.core.cadence.RecordReport;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.core.evidence.Rows;

/**
 * A cycle's record verified, the one judgement {@code ctem log verify} prints and the REST API's
 * {@code /log/verification} returns (ADR 084): its activity log's hash chain with the keyed anchor, and the record
 * digests its checkpoints and closure committed, in one pass over the log a page at a time; then the evidence pack
 * frozen at closure, its stored pieces re-hashed against the hashes {@code REPORT_FROZEN} committed.
 */
public final class RecordVerification {

    private final RecordPages pages;
    private final ActivityLog log;
    private final RecordDigests digests;
    private final FrozenReports frozen;

    public RecordVerification(RecordPages pages, ActivityLog log, RecordDigests digests, FrozenReports frozen) {
        this.pages = pages;
        this.log = log;
        this.digests = digests;
        this.frozen = frozen;
    }

    public Result verify(String cycleKey) {
        ChainVerifier.Pass chain = new ChainVerifier.Pass(cycleKey, log.anchor());
        RecordDigests.Check records = digests.check(cycleKey);
        for (LogEntry entry : new Rows<>(after -> pages.log(cycleKey, after, RecordPages.MAX_LIMIT))) {
            chain.accept(entry);
            records.accept(entry);
        }
        ChainReport report = chain.finish(log.head(cycleKey).orElse(null));
        return new Result(report, records.finish(), frozen.verify(cycleKey));
    }

    /** The chain, the record digests and the frozen pack, each as verified; intact when all three are. */
    public record Result(ChainReport chain, RecordReport records, FrozenReports.Verification frozenPack) {

        public boolean intact() {
            return chain.intact() && records.intact() && frozenPack.intact();
        }
    }
}
