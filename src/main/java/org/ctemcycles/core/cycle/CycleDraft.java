package org.ctemcycles.core.cycle;

/**
 * A new cycle as a user entered it, every value as raw text (any of them may be null or blank). The service parses
 * and validates all of them at once, so the REST API, the admin page and the command line give the same answers.
 *
 * @param start                  ISO date, e.g. 2026-07-01
 * @param plannedEnd             ISO date after {@code start}
 * @param checkpointIntervalDays whole days between checkpoints; blank means the default
 * @param projectKey             the key of the Jira project the cycle belongs to; blank for none
 */
public record CycleDraft(String key, String name, String objective, String start, String plannedEnd,
                         String checkpointIntervalDays, String projectKey) {

    /** A draft of a cycle that belongs to no Jira project (the command line's cycles). */
    public CycleDraft(String key, String name, String objective, String start, String plannedEnd,
                      String checkpointIntervalDays) {
        this(key, name, objective, start, plannedEnd, checkpointIntervalDays, null);
    }
}
