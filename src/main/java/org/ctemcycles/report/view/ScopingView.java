package org.ctemcycles.report.view;

import org.ctemcycles.core.cycle.Cadence;
import org.ctemcycles.core.evidence.EvidencePack;

import java.util.List;

/**
 * The scoping document: the cycle's objective, success criteria and cadence, the surfaces with their owners and
 * calibration, when the scope was recorded against when discovery started, and the surface changes made after.
 */
public final class ScopingView {

    private final EvidencePack pack;

    public ScopingView(EvidencePack pack) {
        this.pack = pack;
    }

    public String getObjective() {
        return pack.cycle().objective().isBlank() ? "not recorded" : pack.cycle().objective();
    }

    public String getSuccessCriteria() {
        return pack.cycle().successCriteria().isBlank() ? "not recorded" : pack.cycle().successCriteria();
    }

    /** E.g. "2026-07-01 to 2026-09-30, a checkpoint every 14 days". */
    public String getCadence() {
        Cadence cadence = pack.cycle().cadence();
        return ViewText.date(cadence.start()) + " to " + ViewText.date(cadence.plannedEnd())
                + (cadence.checkpointIntervalDays() > 0
                ? ", a checkpoint every " + cadence.checkpointIntervalDays() + " days" : ", no checkpoints planned");
    }

    public String getScopeRecordedAt() {
        return pack.scopeRecordedAt() == null ? "never" : ViewText.instant(pack.scopeRecordedAt());
    }

    public String getDiscoveryStartedAt() {
        return pack.discoveryStartedAt() == null ? "not yet" : ViewText.instant(pack.discoveryStartedAt());
    }

    public boolean isScopedBeforeDiscovery() {
        return pack.scopedBeforeDiscovery();
    }

    public List<SurfaceView> getSurfaces() {
        return pack.surfaces().stream().map(SurfaceView::new).toList();
    }

    public List<LogEntryView> getSurfaceChanges() {
        return pack.surfaceChanges().stream().map(LogEntryView::new).toList();
    }
}
