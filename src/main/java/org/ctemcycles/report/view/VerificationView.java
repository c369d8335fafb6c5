package org.ctemcycles.report.view;

import org.ctemcycles.core.audit.ChainReport;
import org.ctemcycles.core.cadence.RecordBreach;
import org.ctemcycles.core.cadence.RecordReport;

import java.util.List;

/**
 * The result of verifying the cycle's record: the hash-chained activity log (intact, or the first break), whether
 * its keyed anchor was checked, and the record digests committed at checkpoints and closure with every change to the
 * record they reveal.
 */
public final class VerificationView {

    private final ChainReport report;
    private final RecordReport records;

    public VerificationView(ChainReport report, RecordReport records) {
        this.report = report;
        this.records = records;
    }

    /** The chain and the digests both verify. */
    public boolean isIntact() {
        return report.intact() && records.intact();
    }

    public boolean isChainIntact() {
        return report.intact();
    }

    /** "intact", or the first edited, inserted or deleted entry and why. */
    public String getResult() {
        return report.broken().map(Object::toString).orElse("intact");
    }

    public long getEntries() {
        return report.entries();
    }

    /** E.g. "checked with key 3fa2c1d04e5f", or why it was not. */
    public String getKeyedAnchor() {
        return report.keyed() ? "checked with key " + report.anchorKeyId()
                : "not checked: this installation keeps no anchor key, so only the hash chain, its head and the"
                + " heads recorded below were verified";
    }

    public boolean isKeyed() {
        return report.keyed();
    }

    public List<DigestView> getDigests() {
        return records.digests().stream().map(DigestView::new).toList();
    }

    public boolean isRecordIntact() {
        return records.intact();
    }

    /** Every change to the record the digests reveal (the first ones when there are many). */
    public List<String> getRecordBreaches() {
        return records.breaches().stream().map(RecordBreach::toString).toList();
    }

    /** E.g. "and 12 more" when more changes were found than are listed; "" otherwise. */
    public String getUnlistedBreaches() {
        return records.unlisted() == 0 ? "" : "and " + records.unlisted() + " more of the same kinds";
    }
}
