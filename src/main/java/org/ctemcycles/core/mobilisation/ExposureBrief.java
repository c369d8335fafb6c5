package org.ctemcycles.core.mobilisation;

import java.util.List;
import java.util.Objects;

/**
 * What a remediation issue says about its finding, from the cycle record: what (title, tool and rule, CVEs), where
 * (asset, location, surface), why now (the newest decision's tier, score and rationale with its factors), by when
 * (the rule that set the deadline) and the evidence to look at. Plain text, as the record holds it: the tracker's
 * adapter formats and escapes it for its own markup. The group names the vulnerability several findings share, for a
 * tracker that opens one parent per vulnerability.
 *
 * @param tier         the decision's tier name (e.g. {@code CRITICAL}), or "" when the finding was never ranked
 * @param deadlineRule which rule set the deadline, or ""
 * @param group        the vulnerability the finding is an instance of (a CVE, or tool and rule), never ""
 */
public record ExposureBrief(String title, String tool, String ruleId, List<String> cves, String asset,
                           String location, String surface, String tier, String score, String rationale,
                           List<String> factors, String deadlineRule, List<String> evidence, String group,
                           String groupTitle) {

    public ExposureBrief {
        title = text(title);
        tool = text(tool);
        ruleId = text(ruleId);
        cves = List.copyOf(cves);
        asset = text(asset);
        location = text(location);
        surface = text(surface);
        tier = text(tier);
        score = text(score);
        rationale = text(rationale);
        factors = List.copyOf(factors);
        deadlineRule = text(deadlineRule);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(group, "group");
        groupTitle = text(groupTitle);
    }

    /** What is known of a finding the record holds no discovery facts for (e.g. entered by key): only its key. */
    public static ExposureBrief bare(String findingKey) {
        return new ExposureBrief("", "", "", List.of(), "", "", "", "", "", "", List.of(), "", List.of(),
                findingKey, findingKey);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
