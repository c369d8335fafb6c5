package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.finding.FindingStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.ctemcycles.core.finding.FindingStatus.IN_PROGRESS;
import static org.ctemcycles.core.finding.FindingStatus.OPEN;
import static org.ctemcycles.core.finding.FindingStatus.REOPENED;
import static org.ctemcycles.core.finding.FindingStatus.RESOLVED;
import static org.ctemcycles.core.finding.FindingStatus.VERIFIED;

/**
 * What the register makes of a tracker issue: the rules of the way back, as a pure function of the entry (with the
 * issue as the register last saw it) and the issue as it is now.
 *
 * <ul>
 *   <li>By status category, never by workflow status or transition: To Do, In Progress, Done (the adapter applies
 *       the cycle's status map before).</li>
 *   <li>Done is not closure: a finding that needs work becomes resolved, awaiting verification, and a retest is
 *       asked; only validation or discovery verify it.</li>
 *   <li>A resolution that means a lead's decision (such as "Won't Fix") changes no status: it flags the entry.</li>
 *   <li>A lead's decisions stand: risk accepted and false positive entries do not follow the tracker's status; a
 *       verified finding whose issue goes back to work is flagged, not reopened.</li>
 *   <li>Only what changed in the tracker since the register last saw the issue is taken over (assignee, due date,
 *       key after a move, status), so an event of the app's own update changes nothing and cannot loop. When the
 *       issue is as last seen but the record reopened the finding, the record's change never reached the tracker:
 *       reconciliation pushes it again.</li>
 * </ul>
 */
public final class TrackerRules {

    /**
     * The resolutions that mean "a lead decides" unless a cycle's resolution map says otherwise: they say the work
     * will not be done, not that it was.
     */
    public static final Set<String> LEAD_DECISION_RESOLUTIONS = Set.of("Won't Fix", "Won't Do", "Duplicate",
            "Cannot Reproduce");

    private TrackerRules() {
    }

    /**
     * @param steps         the statuses to move through, in order (empty: none)
     * @param retest        a retest is to be asked (the tracker says the work is done)
     * @param decision      why a lead must decide now, or null when nothing new waits for one
     * @param owner         the tracker's new assignee for the register, or null when unchanged
     * @param deadline      the tracker's new due date for the register, or null when unchanged
     * @param moved         the issue has a new key (moved to another project)
     * @param pushReopen    the record reopened the finding and the tracker has not followed
     */
    public record Plan(List<FindingStatus> steps, boolean retest, String decision, String owner, LocalDate deadline,
                       boolean moved, boolean pushReopen) {

        public boolean changesRecord() {
            return !steps.isEmpty() || retest || decision != null || owner != null || deadline != null || moved;
        }
    }

    /**
     * @param push whether the record may push its own missed changes to the tracker (reconciliation), or only take
     *             over the tracker's (an event)
     */
    public static Plan plan(RegisterEntry entry, TrackerState seen, boolean push) {
        TrackerState last = entry.trackerState();
        boolean statusChanged = last == null || last.status() != seen.status()
                || !last.statusName().equals(seen.statusName()) || !last.resolution().equals(seen.resolution())
                || last.leadDecision() != seen.leadDecision();
        List<FindingStatus> steps = List.of();
        boolean retest = false;
        String decision = null;
        FindingStatus current = entry.status();
        if (statusChanged) {
            switch (seen.status()) {
                case TO_DO -> {
                    if (current == RESOLVED) {
                        steps = List.of(REOPENED);
                    } else if (current == IN_PROGRESS) {
                        steps = List.of(OPEN);
                    } else if (current == VERIFIED) {
                        decision = backToWorkAfterVerification(seen);
                    }
                }
                case IN_PROGRESS -> {
                    if (current == OPEN || current == REOPENED) {
                        steps = List.of(IN_PROGRESS);
                    } else if (current == RESOLVED) {
                        steps = List.of(REOPENED, IN_PROGRESS);
                    } else if (current == VERIFIED) {
                        decision = backToWorkAfterVerification(seen);
                    }
                }
                case DONE -> {
                    if (seen.leadDecision()) {
                        if (entry.needsWork() || current == RESOLVED) {
                            decision = "issue " + seen.key() + " was resolved as '" + seen.resolution()
                                    + "' in the tracker: a security lead decides whether to accept the risk (with an"
                                    + " owner, a compensating control and an expiry), mark it a false positive or"
                                    + " reopen it";
                        }
                    } else if (current == OPEN || current == IN_PROGRESS || current == REOPENED) {
                        steps = List.of(RESOLVED);
                        retest = true;
                    }
                }
                default -> throw new IllegalStateException("unknown status category " + seen.status());
            }
        }
        if (decision != null && decision.equals(entry.decisionNeeded())) {
            decision = null;
        }
        String owner = !seen.assignee().isEmpty() && (last == null || !last.assignee().equals(seen.assignee()))
                && !seen.assignee().equals(entry.owner()) ? seen.assignee() : null;
        LocalDate deadline = seen.dueDate() != null && (last == null || !Objects.equals(last.dueDate(),
                seen.dueDate())) && !seen.dueDate().equals(entry.deadline()) ? seen.dueDate() : null;
        boolean moved = !seen.key().equals(entry.trackerIssue());
        boolean pushReopen = push && !statusChanged && current == REOPENED && seen.status() == TrackerStatus.DONE;
        return new Plan(steps, retest, decision, owner, deadline, moved, pushReopen);
    }

    private static String backToWorkAfterVerification(TrackerState seen) {
        return "issue " + seen.key() + " went back to work (" + seen.statusName() + ") in the tracker after the"
                + " finding was verified: a security lead decides whether to reopen the finding";
    }
}
