package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.EvidenceItem;
import org.ctemcycles.core.evidence.compliance.ControlCoverage;

import java.util.List;
import java.util.function.Function;

/** A compliance control the pack maps to, with the evidence items it needs split into those held and those missing. */
public final class ControlView {

    private final ControlCoverage coverage;
    private final Function<EvidenceItem, ItemView> items;

    /** @param items the pack's view of each evidence item, so that a control links to the item's section */
    public ControlView(ControlCoverage coverage, Function<EvidenceItem, ItemView> items) {
        this.coverage = coverage;
        this.items = items;
    }

    public String getFramework() {
        return coverage.control().framework();
    }

    public String getId() {
        return coverage.control().id();
    }

    public String getTitle() {
        return coverage.control().title();
    }

    public String getWording() {
        return coverage.control().wording();
    }

    /** Whether the pack holds every evidence item the control needs. */
    public boolean isEvidenced() {
        return coverage.evidenced();
    }

    /** What the cycle must have achieved for this control, e.g. "Every critical finding remediated ...". */
    public String getObjective() {
        return coverage.outcome().objective().title();
    }

    /** "met", "not met" or "not assessed". */
    public String getVerdict() {
        return coverage.outcome().verdict();
    }

    /** The style of the verdict's badge: "satisfied" (met), "missing" (not met) or "never" (not assessed). */
    public String getVerdictClass() {
        Boolean met = coverage.outcome().met();
        return met == null ? "never" : met ? "satisfied" : "missing";
    }

    /** The numbers that decide the objective, e.g. "1 of 7 critical findings remediated ...". */
    public String getFigures() {
        return coverage.outcome().figures();
    }

    /** Evidenced and the objective met. */
    public boolean isSatisfied() {
        return coverage.satisfied();
    }

    public List<ItemView> getPresent() {
        return coverage.present().stream().map(items).toList();
    }

    public List<ItemView> getMissing() {
        return coverage.missing().stream().map(items).toList();
    }
}
