package org.ctemcycles.core.mobilisation;

/** Where an issue stands in the tracker, by status category (never by workflow-specific status or transition id). */
public enum TrackerStatus {
    TO_DO,
    IN_PROGRESS,
    DONE
}
