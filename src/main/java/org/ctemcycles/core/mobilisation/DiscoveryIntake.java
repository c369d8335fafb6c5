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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a recorded discovery run into the cycle record: logs the import, enters every in-scope finding of the cycle
 * that is not yet in the register (out-of-scope findings stay out, kept as discovery's record), and applies what the
 * run says about findings already there: seen again, a resolved or verified finding reopens; no longer seen on a
 * surface the run covered (a fix candidate of this run), a finding still needing work is verified. A partial run (a
 * report not read whole) verifies nothing, and its log entry says it is not complete.
 *
 * <p>It runs after discovery committed the run, and is safe to repeat: re-importing the same report takes the run
 * in again, which logs the import and enters the findings if an interrupted intake left them out, and changes no
 * status (what the run saw was applied when it was new; replaying it would undo what happened since).
 */
public class DiscoveryIntake {

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

    public Outcome take(String cycleKey, ImportSummary summary, String actor) {
        String key = cycles.requireOpen(cycleKey).key();
        logImport(key, summary.runId(), actor);
        Map<String, RegisterEntry> register = new HashMap<>();
        mobilisation.register(key).forEach(e -> register.put(e.findingKey(), e));
        List<String> newcomers = new ArrayList<>();
        List<String> seenAgain = new ArrayList<>();
        List<String> goneFromCoveredSurface = new ArrayList<>();
        for (Finding finding : discovery.findings(key)) {
            if (!finding.inScope()) {
                continue;
            }
            RegisterEntry entry = register.get(finding.key());
            if (entry == null) {
                newcomers.add(finding.key());
            } else if (summary.alreadyImported()) {
                continue; // what an old run saw was applied when it was new; replaying it would undo later work
            } else if (finding.lastRunId() == summary.runId()
                    && (entry.status() == FindingStatus.RESOLVED || entry.status() == FindingStatus.VERIFIED)) {
                seenAgain.add(finding.key());
            } else if (summary.complete() && finding.fixCandidateRunId() == summary.runId() && entry.residual()) {
                // only a run that read its whole report may say a finding is gone
                goneFromCoveredSurface.add(finding.key());
            }
        }
        int enrolled = 0;
        for (int from = 0; from < newcomers.size(); from += MobilisationService.MAX_ENROL) {
            enrolled += mobilisation.enrol(key, newcomers.subList(from, Math.min(newcomers.size(),
                    from + MobilisationService.MAX_ENROL)), actor).size();
        }
        String run = "run " + summary.runId();
        int reopened = 0;
        for (String finding : seenAgain) {
            reopened += mobilisation.discoveryOutcome(key, finding, true, run, actor).isPresent() ? 1 : 0;
        }
        int verified = 0;
        for (String finding : goneFromCoveredSurface) {
            verified += mobilisation.discoveryOutcome(key, finding, false, run, actor).isPresent() ? 1 : 0;
        }
        return new Outcome(enrolled, reopened, verified);
    }

    /**
     * Logs the run's import unless the log already has it (also when an interrupted intake left the run unlogged).
     * Looked at under the cycle's lock: the same report uploaded to two nodes at once is one run, taken in by both,
     * and logged once.
     */
    private void logImport(String cycleKey, long runId, String actor) {
        String subject = "run:" + runId;
        transactions.inTransaction(() -> {
            cycles.lockOpen(cycleKey);
            if (!log.about(subject).isEmpty()) {
                return null;
            }
            DiscoveryRun run = discovery.runs(cycleKey).stream().filter(r -> r.id() == runId).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run " + runId + " is not in " + cycleKey));
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
            return null;
        });
    }
}
