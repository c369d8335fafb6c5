package org.ctemcycles.report.view;

import org.ctemcycles.core.evidence.ItemStatus;

/** One evidence item of a pack: where its section is, what it should hold, whether it is present, and if not why. */
public final class ItemView {

    private final ItemStatus status;

    public ItemView(ItemStatus status) {
        this.status = status;
    }

    /** The section id every rendering uses, e.g. "scoping-document". */
    public String getAnchor() {
        return status.anchor();
    }

    public String getTitle() {
        return status.item().title();
    }

    public String getDescription() {
        return status.item().description();
    }

    public boolean isPresent() {
        return status.present();
    }

    /** "present" or "missing" (also the CSS class of its badge). */
    public String getStatus() {
        return status.present() ? "present" : "missing";
    }

    /** Why the item is missing or incomplete; "" when present. */
    public String getNote() {
        return status.note();
    }
}
