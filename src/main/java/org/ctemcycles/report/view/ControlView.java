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
