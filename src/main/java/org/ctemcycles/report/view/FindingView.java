package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.finding.Finding;

import java.util.List;
import java.util.Locale;

/**
 * One finding of the deduplicated finding set: what and where it is, which sources reported it, its identifiers and
 * scores, the threat readings and calibration its decision used, and its status in the register.
 */
public final class FindingView {

    private final FindingEvidence evidence;

    public FindingView(FindingEvidence evidence) {
        this.evidence = evidence;
    }

    public String getKey() {
        return evidence.key();
    }

    /** The id of its row, which the queue, validation and register sections link to. */
    public String getAnchor() {
        return ViewText.findingAnchor(evidence.key());
    }

    public String getTitle() {
        return evidence.finding().title();
    }

    /** The asset as the tool named it. */
    public String getAsset() {
        return evidence.finding().asset().value();
    }

    /** E.g. "container image". */
    public String getAssetKind() {
        return evidence.finding().asset().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String getSurface() {
        Finding finding = evidence.finding();
        return finding.inScope() ? finding.surfaceKey() : "out of scope";
    }

    /** The highest severity its sources reported, in their own words mapped onto one scale. */
    public String getSeverity() {
        return evidence.finding().severity().name().toLowerCase(Locale.ROOT);
    }

    /** Each source that reported it, e.g. "Trivy (Code scan)". */
    public List<String> getSources() {
        return evidence.sources();
    }

    public int getSignals() {
        return evidence.signals();
    }

    public List<String> getCves() {
        return evidence.finding().cves();
    }

    public List<String> getCvssVectors() {
        return evidence.finding().cvssVectors();
    }

    public String getEpss() {
        return evidence.epss().isEmpty() ? notPrioritised("no EPSS reading") : evidence.epss();
    }

    public String getKev() {
        return evidence.kev().isEmpty() ? notPrioritised("no KEV reading") : evidence.kev();
    }

    public String getCalibration() {
        return evidence.calibration().isEmpty() ? notPrioritised("no calibration") : evidence.calibration();
    }

    /** Its status in the cycle's register, or why it has none. */
    public String getStatus() {
        return evidence.entry() == null ? "not in the register" : evidence.entry().status().label();
    }

    private String notPrioritised(String otherwise) {
        return evidence.decision() == null ? "not prioritised" : otherwise;
    }
}
