package org.ctemcycles.core.cadence;

import java.time.LocalDate;

/** A checkpoint the cadence plans, and where it stands: held (on which day), due now, missed, or still to come. */
public record PlannedCheckpoint(LocalDate date, Status status, LocalDate heldOn) {

    public enum Status {
        HELD("held"),
        DUE("due"),
        MISSED("missed"),
        UPCOMING("upcoming"),
        /** planned after the day the cycle closed */
        AFTER_CLOSURE("after closure");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
