package org.ctemcycles.app;

import org.ctemcycles.core.evidence.FindingEvidence;
import org.ctemcycles.core.evidence.RecordPages;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.mobilisation.ExposureBrief;
import org.ctemcycles.core.mobilisation.ExposureBriefs;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an issue says about a finding, read from the record: discovery's finding (what, where) joined with its
 * newest decision (why now, by when) and its sources, through the evidence pages' lookup of one finding by key (a
 * few indexed queries, whatever the cycle's size). A finding the cycle's discovery never saw (entered by key, or
 * inherited) gets a bare brief.
 */
final class RecordBriefs implements ExposureBriefs {

    private final RecordPages pages;

    RecordBriefs(RecordPages pages) {
        this.pages = pages;
    }

    @Override
    public ExposureBrief brief(String cycleKey, String findingKey) {
        Optional<FindingEvidence> found = pages.finding(cycleKey, findingKey);
        if (found.isEmpty()) {
            return ExposureBrief.bare(findingKey);
        }
        Finding finding = found.get().finding();
        Decision decision = found.get().decision();
        List<String> factors = new ArrayList<>();
        if (decision != null) {
            for (Factor factor : decision.factors()) {
                if (factor.contribution() != 0) {
                    factors.add(factor.label() + " " + factor.signedPoints());
                }
            }
        }
        List<String> cves = List.copyOf(new TreeSet<>(finding.cves()));
        String group;
        String groupTitle;
        if (!cves.isEmpty()) {
            group = cves.get(0);
            groupTitle = cves.get(0);
        } else if (finding.ruleId() != null && !finding.ruleId().isEmpty()) {
            group = finding.tool() + ":" + finding.ruleId();
            groupTitle = finding.title() == null || finding.title().isEmpty() ? finding.ruleId() : finding.title();
        } else {
            group = findingKey;
            groupTitle = finding.title();
        }
        return new ExposureBrief(finding.title(), finding.tool(), finding.ruleId(), cves, finding.asset().value(),
                finding.location(), finding.surfaceKey(), decision == null ? "" : decision.tier().name(),
                decision == null ? "" : decision.scorePoints().toPlainString(),
                decision == null ? "" : decision.rationale(), factors,
                decision == null || decision.deadline().date() == null ? "" : decision.deadline().rule(),
                found.get().sources(), group, groupTitle);
    }
}
