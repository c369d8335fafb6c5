package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.discovery.DiscoveryRun;
import org.ctemcycles.core.discovery.DiscoveryService;
import org.ctemcycles.core.discovery.ImportSummary;
import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings a recorded discovery run into the cycle record: logs the import, enters every in-scope finding of the cycle
 * that is not yet in the register (out-of-scope findings stay out, kept as discovery's record), and applies what the
 * run says about findings already there: seen again, a resolved or verified finding reopens; no longer seen on a
 * surface the run covered (a fix candidate of this run), a finding still needing work is verified. A partial run (a
 * report not read whole) verifies nothing, and its log entry says it is not complete.
 *
 * <p>It runs in the import's transaction, so a run is in the record with its intake or not at all. It is also safe to
 * repeat: re-importing the same report takes the run in again, which logs the import and enters the findings if they
 * are missing (a database written before intakes shared the import's transaction may lack them), and changes no
 * status (what the run saw was applied when it was new; replaying it would undo what happened since). It reads the
 * run's findings a page at a time, so a run of any size is taken in with one page in memory.
 */
public class DiscoveryIntake {

    /** Findings of a run read and entered into the register at a time (one log entry each). */
    static final int PAGE = MobilisationService.MAX_ENROL;

    private final CycleService cycles;
    private final DiscoveryService discovery;
    private final MobilisationService mobilisation;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public DiscoveryIntake(CycleService cycles, DiscoveryService discovery, MobilisationService mobilisation,
                           ActivityLog log, Transactions transactions, Clock clock) {
        this.cycles = cycles;
        this.discovery = discovery;
        this.mobilisation = mobilisation;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the intake changed in the register. */
    public record Outcome(int enrolled, int reopened, int verified) {
    }

    /**
     * Takes a recorded run into the register, reading its findings back a page at a time (a manual entry, or a
     * report the cycle had already imported). An import takes its run in as it writes it: {@link #start}.
     */
    public Outcome take(String cycleKey, ImportSummary summary, String actor) {
        return transactions.inTransaction(() -> start(cycleKey, actor).finish(summary));
    }

    /**
     * Starts taking in a run while discovery writes it: hand the session to
     * {@link DiscoveryService#record(org.ctemcycles.core.discovery.ImportPlan,
     * org.ctemcycles.core.discovery.RunRequest, DiscoveryService.RunWriteListener)}, then {@link Session#finish} it in
     * the same transaction.
     */
    public Session start(String cycleKey, String actor) {
        return new Session(cycles.requireOpen(cycleKey).key(), actor);
    }

    /**
     * One run's intake. While the run is written it looks up, per chunk, the register entries of the findings the
     * run saw, and keeps the keys of those to enter (eight bytes each) and of resolved findings seen again; when
     * the run is recorded, it logs the import, then enters the newcomers a batch at a time and applies the rest.
     */
    public final class Session implements DiscoveryService.RunWriteListener {

        private final String cycleKey;
        private final String actor;
        private final PackedFindingKeys newcomers = new PackedFindingKeys();
        private final List<String> seenAgain = new ArrayList<>();
        private boolean replaying;
        private long runId = -1;

        private Session(String cycleKey, String actor) {
            this.cycleKey = cycleKey;
            this.actor = actor;
        }

        @Override
        public void written(long runId, List<Finding> findings) {
            this.runId = runId;
            List<Finding> inScope = findings.stream().filter(Finding::inScope).toList();
            if (inScope.isEmpty()) {
                return;
            }
            Map<String, FindingStatus> statuses = mobilisation.statuses(cycleKey,
                    inScope.stream().map(Finding::key).toList());
            for (Finding finding : inScope) {
                FindingStatus status = statuses.get(finding.key());
                if (status == null) {
                    newcomers.add(finding.key());
                } else if (!replaying && finding.lastRunId() == runId
                        && (status == FindingStatus.RESOLVED || status == FindingStatus.VERIFIED)) {
                    seenAgain.add(finding.key());
                }
            }
        }

        /** Logs the import and applies what the run said to the register; runs in the import's transaction. */
        public Outcome finish(ImportSummary summary) {
            if (summary.alreadyImported() || runId != summary.runId()) {
                // nothing was written (a repeat, or a run recorded before): read the run's findings back; an old
                // run's sightings were applied when it was new, and replaying them would undo later work
                replaying = summary.alreadyImported();
                newcomers.clear();
                seenAgain.clear();
                discovery.findingsOfRun(cycleKey, summary.runId(), PAGE, page -> written(summary.runId(), page));
            }
            logImport(summary);
            int[] enrolled = {0};
            // the run's chunks found these absent from the register, in this transaction: entered without asking again
            newcomers.forEachChunk(PAGE, keys -> enrolled[0] += mobilisation.enrolAbsent(cycleKey, keys, actor)
                    .size());
            List<String> goneFromCoveredSurface = new ArrayList<>();
            // only a run that read its whole report may say a finding is gone
            if (!summary.alreadyImported() && summary.complete() && summary.counts().fixCandidates() > 0) {
                discovery.fixCandidatesOfRun(cycleKey, summary.runId(), PAGE, page -> {
                    List<Finding> inScope = page.stream().filter(Finding::inScope).toList();
                    Map<String, RegisterEntry> entries = mobilisation.entries(cycleKey,
                            inScope.stream().map(Finding::key).toList());
                    for (Finding finding : inScope) {
                        RegisterEntry entry = entries.get(finding.key());
                        if (entry != null && entry.residual()) {
                            goneFromCoveredSurface.add(finding.key());
                        }
                    }
                });
            }
            String run = "run " + summary.runId();
            int reopened = 0;
            for (String finding : seenAgain) {
                reopened += mobilisation.discoveryOutcome(cycleKey, finding, true, run, actor).isPresent() ? 1 : 0;
            }
            int verified = 0;
            for (String finding : goneFromCoveredSurface) {
                verified += mobilisation.discoveryOutcome(cycleKey, finding, false, run, actor).isPresent() ? 1 : 0;
            }
            return new Outcome(enrolled[0], reopened, verified);
        }

        /**
         * Logs the run's import unless the log already has it, looked at under the cycle's lock: the same report
         * imported on two nodes at once is one run, taken in by both, and logged once.
         */
        private void logImport(ImportSummary summary) {
            String subject = "run:" + summary.runId();
            cycles.lockOpen(cycleKey);
            if (!log.about(subject).isEmpty()) {
                return;
            }
            DiscoveryRun run = discovery.runs(cycleKey).stream().filter(r -> r.id() == summary.runId()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run " + summary.runId() + " is not in " + cycleKey));
            log.append(new LogRecord(cycleKey, clock.instant(), actor, LogAction.IMPORTED, subject, "",
                    StateText.of("source", run.sourceKind().name()).and("tool", run.tool())
                            .and("format", run.format()).and("file", run.fileName())
                            .and("sha256", run.contentSha256()).and("scannedAt", run.scannedAt())
                            .and("covered", String.join(" ", run.coveredSurfaces()))
                            .and("observations", run.counts().observations())
                            .and("newFindings", run.counts().newFindings())
                            .and("outOfScope", run.counts().outOfScope())
                            .and("fixCandidates", run.counts().fixCandidates())
                            .and("complete", run.complete()).and("warnings", run.counts().warnings())
                            .toString()));
        }
    }
}
