package org.ctemcycles.core.evidence;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether the pack holds an evidence item, where it is (the section anchor every rendering uses) and, when it is
 * missing or incomplete, why in words an auditor can check.
 */
public record ItemStatus(EvidenceItem item, boolean present, String note) {

    public ItemStatus {
        Objects.requireNonNull(item, "item");
        note = note == null ? "" : note;
    }

    /** The section id, e.g. "scoping-document". */
    public String anchor() {
        return item.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
