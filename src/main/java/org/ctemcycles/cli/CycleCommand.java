package org.ctemcycles.cli;

import org.ctemcycles.app.CycleRecord;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.cadence.CadenceRecord;
import org.ctemcycles.core.cadence.Checkpoint;
import org.ctemcycles.core.cadence.CheckpointSchedule;
import org.ctemcycles.core.cadence.ClosureSummary;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.cadence.Handover;
import org.ctemcycles.core.cadence.HandoverRequest;
import org.ctemcycles.core.cadence.MetricsSnapshot;
import org.ctemcycles.core.cadence.PlannedCheckpoint;
import org.ctemcycles.core.cadence.RecommendedItem;
import org.ctemcycles.core.cadence.StageTransition;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.CycleDraft;
import org.ctemcycles.core.cycle.CycleService;
import org.ctemcycles.core.cycle.ScopeDraft;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.cycle.SurfaceDraft;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.core.mobilisation.FindingHistory;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.ReconciliationReport;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.mobilisation.TrackerStatus;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.report.view.Counted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code ctem cycle ...}: the cycle record on the embedded database: scoping, stage gates, the register (entry,
 * validation, mobilisation into the local tracker, statuses, risk acceptance and its scheduled expiry check),
 * checkpoints, closure and handover. The same services as in Jira; error messages name the command-line options.
 */
final class CycleCommand {

    static final String USAGE = """
            ctem cycle create ...
                The same as ctem cycles create.
            ctem cycle show KEY
                Shows a cycle: stage, objectives, cadence, the next gate's unmet criteria, the register by status.
            ctem cycle scope set KEY [--objective TEXT] [--success-criteria TEXT] [--start DATE] [--end DATE]
                                     [--checkpoint-days N]
                Records objectives, success criteria and cadence (while the cycle is in Scoping).
            ctem cycle scope add KEY --surface SKEY --name NAME --kind KIND [--owner USER] [--criticality LEVEL]
                                     [--exposure internet-facing|internal] [--success-criterion TEXT]
                                     [--rule KIND:PATTERN]...
                Adds a surface (KIND: business-process, customer-facing-system, regulated-data-flow,
                third-party-connection, identity-surface; LEVEL: critical, high, medium, low).
            ctem cycle scope update KEY --surface SKEY [the options of scope add]
                Changes the given parts of a surface (--rule replaces all rules).
            ctem cycle scope list KEY
                Lists the cycle's surfaces.
            ctem cycle advance KEY [--to STAGE] [--override --reason TEXT]
                Moves the cycle to its next stage through the stage gate; a security lead may override
                unmet entry criteria with a reason (logged).
            ctem cycle register add KEY FINDING...
                Enters findings (by key) into the cycle's register, e.g. findings from manual testing.
            ctem cycle register list KEY
                Shows the mobilisation register.
            ctem cycle prioritise KEY ...
                Ranks the cycle's register and stores the queue (see below).
            ctem cycle queue KEY
                Shows the queue (see below).
            ctem cycle validate KEY FINDING --method METHOD --outcome OUTCOME [--notes TEXT] [--evidence REF]...
                Records a validation (METHOD: manual-test, attack-path-analysis, exploit-reproduction, retest;
                OUTCOME: exploitable-confirmed, not-exploitable, mitigated-by-control, retest-passed,
                retest-failed); the outcome updates the finding's status.
            ctem cycle mobilise KEY FINDING... --owner USER --deadline DATE --verify TEXT [--change REF]
                                     [--dependency TEXT] [--deadline-reason TEXT]
                Mobilises findings (all or none) and opens (or updates) an issue per finding in the tracker.
                A deadline later than the one the prioritisation policy set is flagged wherever it is shown,
                with who set it and --deadline-reason (say why).
            ctem cycle tracker move KEY ISSUE --to to-do|in-progress|done [--resolution NAME]
                Moves an issue of the local tracker as an engineer would in Jira ("Won't Fix" and the like
                mean a lead decides), then reconciles the cycle's register with the tracker.
            ctem cycle tracker delete KEY ISSUE
                Deletes an issue of the local tracker, then reconciles.
            ctem cycle reconcile KEY
                Compares the register with the tracker's issues and repairs the drift; prints each repair.
            ctem cycle status KEY FINDING --to STATUS [--note TEXT]
                Changes a finding's status by hand (open, in-progress, resolved, reopened, false-positive).
            ctem cycle accept-risk KEY FINDING --owner USER --control TEXT --expiry DATE
                Accepts a finding's risk until the expiry date.
            ctem cycle expire-acceptances
                The scheduled check: reopens findings whose risk acceptance has expired.
            ctem cycle history FINDING
                A finding's entries in every cycle and its log.
            ctem cycle checkpoint KEY [--notes TEXT]
                Records a checkpoint held today with a snapshot of the cycle's metrics.
            ctem cycle checkpoints KEY
                Planned checkpoints (held, due, missed, upcoming) and the checkpoints held.
            ctem cycle close KEY [--override --reason TEXT]
                Closes a cycle in Mobilisation through the Closed gate and prints its closure summary.
            ctem cycle handover KEY (--next NEXT | --new-key NEXT --name NAME --start DATE --end DATE
                                     [--objective TEXT] [--checkpoint-days N]) [--carry-scope] [--take N,...]
                Hands a closed cycle's residual queue to the next cycle (an existing one in Scoping, or a new
                one); --carry-scope copies its surfaces into the next cycle's scope; --take takes items of the
                recommended next-cycle scope (by number, see cycle recommend).
            ctem cycle recommend KEY [--take N,...]
                The scope a closed cycle recommends for the next one (residual queue, objectives not met,
                surfaces never or no longer covered, assets outside every scope rule), each with its numbers
                and whether the next cycle took it; --take takes items into the cycle it was handed over to.""";

    private static final Set<String> SURFACE_OPTIONS = Set.of("surface", "name", "kind", "owner", "criticality",
            "exposure", "success-criterion");
    private static final Map<String, String> SURFACE_FIELDS = Map.of("key", "--surface", "businessOwner", "--owner",
            "successCriterion", "--success-criterion", "rules", "--rule", "name", "--name", "kind", "--kind",
            "criticality", "--criticality", "exposure", "--exposure");

    private final CommandContext context;

    CycleCommand(CommandContext context) {
        this.context = context;
    }

    int run(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("cycle", "needs a subcommand (see ctem --help)\n" + USAGE);
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "create" -> new CyclesCommand(context).run(words);
            case "show" -> show(Arguments.parse(rest, Set.of(), Set.of()));
            case "scope" -> scope(rest);
            case "advance" -> advance(Arguments.parse(rest, Set.of("to", "reason"), Set.of("override")));
            case "register" -> register(rest);
            case "prioritise", "prioritize" -> new PrioritiseCommand(context).prioritiseCycle(rest);
            case "queue" -> new PrioritiseCommand(context).queue(rest);
            case "validate" -> validate(Arguments.parse(rest, Set.of("method", "outcome", "notes"),
                    Set.of("evidence"), Set.of()));
            case "mobilise" -> mobilise(Arguments.parse(rest, Set.of("owner", "deadline", "verify", "change",
                    "dependency", "deadline-reason"), Set.of()));
            case "status" -> status(Arguments.parse(rest, Set.of("to", "note"), Set.of()));
            case "tracker" -> tracker(rest);
            case "reconcile" -> reconcile(Arguments.parse(rest, Set.of(), Set.of()));
            case "accept-risk" -> acceptRisk(Arguments.parse(rest, Set.of("owner", "control", "expiry"), Set.of()));
            case "expire-acceptances" -> expireAcceptances(Arguments.parse(rest, Set.of(), Set.of()));
            case "history" -> history(Arguments.parse(rest, Set.of(), Set.of()));
            case "checkpoint" -> checkpoint(Arguments.parse(rest, Set.of("notes"), Set.of()));
            case "checkpoints" -> checkpoints(Arguments.parse(rest, Set.of(), Set.of()));
            case "close" -> close(Arguments.parse(rest, Set.of("reason"), Set.of("override")));
            case "handover" -> handover(Arguments.parse(rest, Set.of("next", "new-key", "name", "start", "end",
                    "objective", "checkpoint-days"), Set.of("take"), Set.of("carry-scope")));
            case "recommend" -> recommend(Arguments.parse(rest, Set.of(), Set.of("take"), Set.of()));
            default -> throw new InvalidInputException("cycle " + words.get(0),
                    "is not a subcommand (see ctem --help)");
        };
    }

    private CycleRecord record() {
        return context.record();
    }

    private int show(Arguments args) {
        String key = one(args, "cycle show", "KEY");
        Cycle cycle = record().cycles().get(key);
        out("Key:                 %s", cycle.key());
        out("Name:                %s", cycle.name());
        out("Stage:               %s (revision %d)", cycle.stage().label(), cycle.version());
        out("Objective:           %s", orNone(cycle.objective()));
        out("Success criteria:    %s", orNone(cycle.successCriteria()));
        out("Cadence:             %s to %s, a checkpoint every %d days", cycle.cadence().start(),
                cycle.cadence().plannedEnd(), cycle.cadence().checkpointIntervalDays());
        if (!cycle.predecessorKey().isEmpty()) {
            out("Inherits from:       %s", cycle.predecessorKey());
        }
        if (!cycle.successorKey().isEmpty()) {
            out("Handed over to:      %s", cycle.successorKey());
        }
        out("Surfaces:            %d", record().scope().list(cycle.key()).size());
        Map<FindingStatus, Long> byStatus = record().mobilisation().registerCounts(cycle.key());
        out("Register:            %s", byStatus.isEmpty() ? "empty" : byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase()).collect(Collectors.joining(", ")));
        out("Missed checkpoints:  %d", record().checkpoints().schedule(cycle.key()).missed().size());
        cycle.stage().next().ifPresent(next -> {
            List<String> unmet = record().stages().nextGate(cycle.key());
            out("Next gate:           %s: %s", next.label(), unmet.isEmpty() ? "criteria met"
                    : String.join("; ", unmet));
        });
        return 0;
    }

    private int scope(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("cycle scope", "needs a subcommand: set, add, update or list");
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "set" -> scopeSet(Arguments.parse(rest, Set.of("objective", "success-criteria", "start", "end",
                    "checkpoint-days"), Set.of()));
            case "add" -> scopeAdd(Arguments.parse(rest, SURFACE_OPTIONS, Set.of("rule"), Set.of()));
            case "update" -> scopeUpdate(Arguments.parse(rest, SURFACE_OPTIONS, Set.of("rule"), Set.of()));
            case "list" -> scopeList(Arguments.parse(rest, Set.of(), Set.of()));
            default -> throw new InvalidInputException("cycle scope " + words.get(0),
                    "is not a subcommand: use set, add, update or list");
        };
    }

    private int scopeSet(Arguments args) {
        String key = one(args, "cycle scope set", "KEY");
        Cycle cycle = renamed(Map.of("objective", "--objective", "successCriteria", "--success-criteria", "start",
                "--start", "plannedEnd", "--end", "checkpointIntervalDays", "--checkpoint-days"), () ->
                record().cycles().recordScope(key, new ScopeDraft(args.option("objective"),
                        args.option("success-criteria"), args.option("start"), args.option("end"),
                        args.option("checkpoint-days")), context.actor));
        out("%s: objective, success criteria and cadence recorded (revision %d)", cycle.key(), cycle.version());
        return 0;
    }

    private int scopeAdd(Arguments args) {
        String key = one(args, "cycle scope add", "KEY");
        Surface surface = renamed(SURFACE_FIELDS, () -> record().scope().add(key, surfaceDraft(args, false),
                context.actor));
        out("Surface %s added to %s: %s", surface.key(), surface.cycleKey(), describe(surface));
        return 0;
    }

    private int scopeUpdate(Arguments args) {
        String key = one(args, "cycle scope update", "KEY");
        if (args.option("surface") == null) {
            throw new InvalidInputException("--surface", "names the surface to change");
        }
        Surface surface = renamed(SURFACE_FIELDS, () -> record().scope().update(key, surfaceDraft(args, true),
                context.actor));
        out("Surface %s of %s is now: %s", surface.key(), surface.cycleKey(), describe(surface));
        return 0;
    }

    private static SurfaceDraft surfaceDraft(Arguments args, boolean update) {
        List<String> rules = args.options("rule");
        return new SurfaceDraft(args.option("surface"), args.option("name"), args.option("kind"),
                args.option("owner"), args.option("criticality"), args.option("exposure"),
                args.option("success-criterion"), update && rules.isEmpty() ? null : rules);
    }

    private int scopeList(Arguments args) {
        String key = one(args, "cycle scope list", "KEY");
        List<Surface> surfaces = record().scope().list(key);
        if (surfaces.isEmpty()) {
            out("No surface in the scope of %s yet. Add one with: ctem cycle scope add %s --surface SKEY --name NAME"
                    + " --kind KIND", CycleService.normalise(key), CycleService.normalise(key));
            return 0;
        }
        String format = "%-16s %-24s %-9s %-16s %-20s %s%n";
        context.out.printf(format, "SURFACE", "KIND", "CRIT", "EXPOSURE", "OWNER", "NAME");
        for (Surface s : surfaces) {
            context.out.printf(format, s.key(), s.kind().label(), s.criticality() == null ? "-"
                    : s.criticality().label(), s.exposure() == null ? "-" : s.exposure().label(),
                    s.businessOwner().isEmpty() ? "-" : s.businessOwner(), s.name());
            context.out.printf("  success criterion: %s%n", orNone(s.successCriterion()));
            s.rules().forEach(r -> context.out.printf("  rule: %s%n", r));
        }
        return 0;
    }

    private int advance(Arguments args) {
        String key = one(args, "cycle advance", "KEY");
        GateOverride override = override(args);
        Cycle cycle = record().cycles().get(key);
        Stage target;
        if (args.option("to") != null) {
            target = Stage.parse(args.option("to")).orElseThrow(() -> new InvalidInputException("--to", "'"
                    + args.option("to") + "' is not a stage (discovery, prioritisation, validation, mobilisation)"));
        } else {
            target = cycle.stage().next().orElseThrow(() -> new InvalidInputException("cycle advance",
                    "cycle " + cycle.key() + " is closed"));
        }
        StageTransition moved = gate(() -> record().stages().advance(cycle.key(), target, override, context.actor));
        out("%s: %s -> %s (revision %d)", moved.cycle().key(), moved.from().label(), moved.cycle().stage().label(),
                moved.cycle().version());
        if (moved.overridden()) {
            out("Gate overridden by %s: %s", context.actor, moved.overrideReason());
            moved.overriddenCriteria().forEach(c -> out("  unmet: %s", c));
        }
        return 0;
    }

    private int register(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("cycle register", "needs a subcommand: add or list");
        }
        Arguments args = Arguments.parse(words.subList(1, words.size()), Set.of(), Set.of());
        return switch (words.get(0)) {
            case "add" -> {
                if (args.positional().size() < 2) {
                    throw new InvalidInputException("cycle register add", "needs a cycle key and at least one"
                            + " finding key, e.g. ctem cycle register add CTEM-2026-Q3 F-101 F-102");
                }
                List<String> findings = args.positional().subList(1, args.positional().size());
                List<RegisterEntry> added = renamed(Map.of(), () -> record().mobilisation()
                        .enrol(args.positional().get(0), findings, context.actor));
                out("%d of %s entered the register of %s%s", added.size(), Counted.of(findings.size(), "finding",
                                "findings"),
                        CycleService.normalise(args.positional().get(0)), added.size() < findings.size()
                                ? " (the others were already in it)" : "");
                yield 0;
            }
            case "list" -> {
                if (args.positional().size() != 1) {
                    throw new InvalidInputException("cycle register list", "needs exactly one cycle key");
                }
                printRegister(CycleService.normalise(args.positional().get(0)),
                        record().mobilisation().register(args.positional().get(0)));
                yield 0;
            }
            default -> throw new InvalidInputException("cycle register " + words.get(0),
                    "is not a subcommand: use add or list");
        };
    }

    /** The newest decision of each finding in the cycle's queue. */
    private Map<String, Decision> decisions(String cycleKey) {
        Map<String, Decision> byFinding = new HashMap<>();
        record().queue().queue(cycleKey).forEach(d -> byFinding.put(d.findingKey(), d));
        return byFinding;
    }

    /**
     * "deadline later than the policy's 2021-12-24 (KEV dueDate as published); set by lead: reason", when the
     * mobilisation deadline is later than the deadline of the finding's decision.
     */
    private static Optional<String> laterThanPolicy(RegisterEntry entry, Decision decision) {
        LocalDate policy = decision == null ? null : decision.deadline().date();
        if (entry.deadline() == null || policy == null || !entry.deadline().isAfter(policy)) {
            return Optional.empty();
        }
        return Optional.of("deadline later than the policy's " + policy + " (" + decision.deadline().rule()
                + "); set by " + (entry.deadlineSetBy().isEmpty() ? "an unrecorded user" : entry.deadlineSetBy())
                + ": " + (entry.deadlineReason().isEmpty() ? "no reason given" : entry.deadlineReason()));
    }

    private void printRegister(String cycleKey, List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            out("The register is empty.");
            return;
        }
        Map<String, Decision> decisions = decisions(cycleKey);
        String format = "%-24s %-15s %-16s %-10s %-10s %-10s %s%n";
        context.out.printf(format, "FINDING", "STATUS", "OWNER", "DEADLINE", "ISSUE", "FROM", "DETAILS");
        for (RegisterEntry e : entries) {
            String details = e.acceptance() != null ? "accepted by " + e.acceptance().owner() + " until "
                    + e.acceptance().expiry() + " (control: " + e.acceptance().compensatingControl() + ")"
                    : (e.changeRecord().isEmpty() ? "" : "change " + e.changeRecord() + "; ")
                    + (e.dependency().isEmpty() ? "" : "depends on " + e.dependency() + "; ")
                    + (e.verificationStep().isEmpty() ? "" : "verify: " + e.verificationStep());
            Optional<String> flag = laterThanPolicy(e, decisions.get(e.findingKey()));
            context.out.printf(format, e.findingKey(), e.status().label(), dash(e.owner()),
                    e.deadline() == null ? "-" : e.deadline() + (flag.isPresent() ? "*" : ""), dash(e.trackerIssue()),
                    dash(e.carriedFrom()), details);
            flag.ifPresent(text -> context.out.printf("%24s * %s%n", "", text));
        }
    }

    private int validate(Arguments args) {
        List<String> keys = two(args, "cycle validate");
        ValidationRecord record = renamed(Map.of("method", "--method", "outcome", "--outcome", "notes", "--notes",
                "evidence", "--evidence"), () -> record().validation().record(keys.get(0), keys.get(1),
                new ValidationDraft(args.option("method"), args.option("outcome"), args.option("notes"),
                        args.options("evidence")), context.actor));
        out("%s: %s by %s; status %s -> %s", record.findingKey(), record.outcome().label(),
                record.method().label().toLowerCase(), record.statusBefore().label(), record.statusAfter().label());
        QueueHints.reprioritise(context.out, record(), record.cycleKey(), record().queue().queue(record.cycleKey()));
        return 0;
    }

    private int mobilise(Arguments args) {
        if (args.positional().size() < 2) {
            throw new InvalidInputException("cycle mobilise", "needs a cycle key and at least one finding key, e.g."
                    + " ctem cycle mobilise CTEM-2026-Q3 F-101");
        }
        List<String> findings = args.positional().subList(1, args.positional().size());
        List<RegisterEntry> entries = renamed(Map.of("owner", "--owner", "deadline", "--deadline",
                "verificationStep", "--verify", "changeRecord", "--change", "dependency", "--dependency",
                "deadlineReason", "--deadline-reason"), () ->
                record().mobilisation().mobiliseAll(args.positional().get(0), findings, new MobilisationDraft(
                        args.option("owner"), args.option("deadline"), args.option("change"),
                        args.option("dependency"), args.option("verify"), args.option("deadline-reason")),
                        context.actor));
        Map<String, Decision> decisions = decisions(CycleService.normalise(args.positional().get(0)));
        for (RegisterEntry entry : entries) {
            out("%s mobilised: owner %s, deadline %s, tracker issue %s%s", entry.findingKey(), entry.owner(),
                    entry.deadline(), entry.trackerIssue(), laterThanPolicy(entry,
                            decisions.get(entry.findingKey())).map(flag -> "\n  " + flag).orElse(""));
        }
        return 0;
    }

    private int tracker(List<String> words) {
        if (words.isEmpty()) {
            throw new InvalidInputException("cycle tracker", "needs move or delete (see ctem --help)");
        }
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "move" -> trackerMove(Arguments.parse(rest, Set.of("to", "resolution"), Set.of()));
            case "delete" -> trackerDelete(Arguments.parse(rest, Set.of(), Set.of()));
            default -> throw new InvalidInputException("cycle tracker", "unknown subcommand '" + words.get(0)
                    + "': use move or delete");
        };
    }

    private int trackerMove(Arguments args) {
        List<String> keys = two(args, "cycle tracker move");
        String to = args.option("to");
        TrackerStatus status = to == null ? null : switch (to.trim().toLowerCase(Locale.ROOT)) {
            case "to-do", "todo" -> TrackerStatus.TO_DO;
            case "in-progress" -> TrackerStatus.IN_PROGRESS;
            case "done" -> TrackerStatus.DONE;
            default -> null;
        };
        if (status == null) {
            throw new InvalidInputException("--to", "is required: to-do, in-progress or done");
        }
        String cycle = record().cycles().get(keys.get(0)).key();
        TrackerIssue moved = renamed(Map.of("resolution", "--resolution"), () ->
                context.tracker().move(keys.get(1), status, args.option("resolution")));
        out("%s is now %s%s", moved.key(), moved.state().statusName(), moved.state().resolved()
                ? " (" + moved.state().resolution() + ")" : "");
        return printReconciliation(record().trackerSync().reconcile(cycle, context.actor));
    }

    private int trackerDelete(Arguments args) {
        List<String> keys = two(args, "cycle tracker delete");
        String cycle = record().cycles().get(keys.get(0)).key();
        context.tracker().delete(keys.get(1));
        out("%s deleted", keys.get(1));
        return printReconciliation(record().trackerSync().reconcile(cycle, context.actor));
    }

    private int reconcile(Arguments args) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException("cycle reconcile", "needs a cycle key, e.g. ctem cycle reconcile"
                    + " CTEM-2026-Q3");
        }
        return printReconciliation(record().trackerSync().reconcile(args.positional().get(0), context.actor));
    }

    private int printReconciliation(ReconciliationReport report) {
        out("%s: %d linked entries checked, %d repaired", report.cycleKey(), report.checked(),
                report.repairs().size());
        for (ReconciliationReport.Repair repair : report.repairs()) {
            out("  %s %s (%s): %s", repair.findingKey(), repair.issueKey(),
                    repair.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), repair.detail());
        }
        return 0;
    }

    private int status(Arguments args) {
        List<String> keys = two(args, "cycle status");
        RegisterEntry entry = renamed(Map.of("status", "--to", "note", "--note"), () -> record().mobilisation()
                .changeStatus(keys.get(0), keys.get(1), args.option("to"), args.option("note"), context.actor));
        out("%s is now %s", entry.findingKey(), entry.status().label());
        return 0;
    }

    private int acceptRisk(Arguments args) {
        List<String> keys = two(args, "cycle accept-risk");
        RegisterEntry entry = renamed(Map.of("owner", "--owner", "compensatingControl", "--control", "expiry",
                "--expiry"), () -> record().mobilisation().acceptRisk(keys.get(0), keys.get(1),
                new AcceptanceDraft(args.option("owner"), args.option("control"), args.option("expiry")),
                context.actor));
        out("%s: risk accepted by %s until %s", entry.findingKey(), entry.acceptance().owner(),
                entry.acceptance().expiry());
        return 0;
    }

    private int expireAcceptances(Arguments args) {
        if (!args.positional().isEmpty()) {
            throw new InvalidInputException("cycle expire-acceptances", "takes no arguments");
        }
        List<RegisterEntry> reopened = record().mobilisation().reactivateExpiredAcceptances(context.actor);
        out("%s reactivated", Counted.of(reopened.size(), "expired risk acceptance", "expired risk acceptances"));
        reopened.forEach(e -> out("  %s in %s: reopened", e.findingKey(), e.cycleKey()));
        return 0;
    }

    private int history(Arguments args) {
        String finding = one(args, "cycle history", "FINDING");
        FindingHistory history = record().mobilisation().history(finding);
        out("Finding %s", history.findingKey());
        for (RegisterEntry e : history.entries()) {
            out("  in %s: %s%s", e.cycleKey(), e.status().label(), e.carriedFrom().isEmpty() ? ""
                    : " (inherited from " + e.carriedFrom() + ")");
        }
        for (LogEntry entry : history.log()) {
            out("  %s %s #%d %s by %s: %s", entry.at(), entry.cycleKey(), entry.sequence(), entry.actionLabel(),
                    entry.actor(), StateText.inline(entry.after()));
        }
        return 0;
    }

    private int checkpoint(Arguments args) {
        String key = one(args, "cycle checkpoint", "KEY");
        Checkpoint checkpoint = renamed(Map.of("notes", "--notes"), () -> record().checkpoints().record(key,
                args.option("notes"), context.actor));
        out("Checkpoint of %s held on %s%s", checkpoint.cycleKey(), checkpoint.heldOn(),
                checkpoint.plannedFor() == null ? " (unplanned)" : " (planned for " + checkpoint.plannedFor() + ")");
        printMetrics(checkpoint.metrics());
        return 0;
    }

    private int checkpoints(Arguments args) {
        String key = one(args, "cycle checkpoints", "KEY");
        CheckpointSchedule schedule = record().checkpoints().schedule(key);
        out("Planned checkpoints of %s:", schedule.cycleKey());
        for (PlannedCheckpoint planned : schedule.planned()) {
            out("  %s  %s%s", planned.date(), planned.status().label(), planned.heldOn() == null ? ""
                    : " on " + planned.heldOn());
        }
        out("Held: %d; missed: %d", schedule.held().size(), schedule.missed().size());
        for (Checkpoint held : schedule.held()) {
            out("  %s by %s%s: %d findings, %d closed, %d SLA breaches%s", held.heldOn(), held.recordedBy(),
                    held.plannedFor() == null ? " (unplanned)" : "",
                    held.metrics().stage(MetricsSnapshot.DISCOVERED), held.metrics().stage(MetricsSnapshot.CLOSED),
                    held.metrics().slaBreaches(), held.notes().isEmpty() ? "" : "; " + held.notes());
        }
        return 0;
    }

    private int close(Arguments args) {
        String key = one(args, "cycle close", "KEY");
        GateOverride override = override(args);
        ClosureSummary summary = gate(() -> record().closure().close(key, override, context.actor));
        out("%s closed by %s at %s", summary.cycleKey(), summary.closedBy(), summary.closedAt());
        out("Delivered (verified):   %d %s", summary.delivered().size(), listed(summary.delivered()));
        out("False positives:        %d %s", summary.falsePositives().size(), listed(summary.falsePositives()));
        out("Carried over:           %d %s (of which %d risk accepted)", summary.carriedOver().size(),
                listed(summary.carriedOver()), summary.riskAccepted());
        out("Surface changes:        %d", summary.surfaceChanges().size());
        summary.surfaceChanges().forEach(change -> out("  %s", change));
        out("Next scope:             %s", summary.nextScope().isEmpty() ? "(none)"
                : String.join(", ", summary.nextScope()));
        CadenceRecord cadence = record().closure().cadence(summary.cycleKey());
        out("Cadence:                %s to %s (planned), closed %s; checkpoints planned %d, held %d, missed %d",
                cadence.start(), cadence.plannedEnd(), cadence.closedOn(), cadence.planned().size(),
                cadence.actual().size(), cadence.planned().stream()
                        .filter(p -> p.status() == PlannedCheckpoint.Status.MISSED).count());
        printRecommendation(summary.cycleKey());
        return 0;
    }

    private int handover(Arguments args) {
        String key = one(args, "cycle handover", "KEY");
        CycleDraft draft = args.option("new-key") == null ? null : new CycleDraft(args.option("new-key"),
                args.option("name"), args.option("objective"), args.option("start"), args.option("end"),
                args.option("checkpoint-days"));
        if (draft == null && (args.option("name") != null || args.option("start") != null)) {
            throw new InvalidInputException("--new-key", "names the new cycle that --name, --start and --end open");
        }
        Handover handover = renamed(Map.of("key", "--new-key", "name", "--name", "start", "--start", "plannedEnd",
                "--end", "objective", "--objective", "checkpointIntervalDays", "--checkpoint-days", "next",
                "--next / --new-key", "take", "--take"), () -> record().closure().handover(key,
                new HandoverRequest(draft, args.option("next"), args.flag("carry-scope"), numbers(args)),
                context.actor));
        out("%s handed over to %s (%s): %d findings inherited, %d surfaces carried into its scope, %d recommended"
                        + " items taken", handover.fromCycleKey(), handover.next().key(),
                handover.next().stage().label(), handover.inherited().size(), handover.carriedScope().size(),
                handover.taken().size());
        return 0;
    }

    private int recommend(Arguments args) {
        String key = one(args, "cycle recommend", "KEY");
        List<Integer> take = numbers(args);
        if (!take.isEmpty()) {
            List<RecommendedItem> taken = renamed(Map.of("take", "--take"),
                    () -> record().recommendations().take(key, take, context.actor));
            out("%d items taken into %s", taken.size(), taken.get(0).takenInto());
        }
        printRecommendation(key);
        return 0;
    }

    private void printRecommendation(String cycleKey) {
        List<RecommendedItem> items = record().recommendations().recommendation(cycleKey);
        out("Recommended next-cycle scope of %s: %s", record().cycles().get(cycleKey).key(),
                items.isEmpty() ? "none (the cycle is not closed, or nothing to recommend)" : items.size() + " items");
        for (RecommendedItem item : items) {
            out("  %2d. %-30s %s: %s%s", item.number(), item.kind().label(), item.subject(), item.reason(),
                    item.taken() ? " [taken into " + item.takenInto() + " by " + item.takenBy() + "]" : "");
        }
    }

    /** The item numbers of --take, each value one number or several separated by commas. */
    private static List<Integer> numbers(Arguments args) {
        List<Integer> numbers = new ArrayList<>();
        for (String value : args.options("take")) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    numbers.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("--take", "'" + part.trim() + "' is not an item number (write"
                            + " --take 1,3)");
                }
            }
        }
        return numbers;
    }

    private void printMetrics(MetricsSnapshot m) {
        out("  findings: %d discovered, %d prioritised, %d validated, %d mobilised, %d closed",
                m.stage(MetricsSnapshot.DISCOVERED), m.stage(MetricsSnapshot.PRIORITISED),
                m.stage(MetricsSnapshot.VALIDATED), m.stage(MetricsSnapshot.MOBILISED),
                m.stage(MetricsSnapshot.CLOSED));
        out("  by status: %s", m.byStatus().isEmpty() ? "none" : Arrays.stream(FindingStatus.values())
                .filter(s -> m.status(s) > 0).map(s -> m.status(s) + " " + s.label().toLowerCase())
                .collect(Collectors.joining(", ")));
        out("  by tier: %s", m.byTier().isEmpty() ? "none" : new TreeMap<>(m.byTier()).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        out("  SLA breaches: %d; coverage: %d of %d surfaces", m.slaBreaches(), m.surfacesCovered(),
                m.surfacesInScope());
    }

    /** Runs a gated change; names --override and --reason in the gate's refusal. */
    private <T> T gate(Supplier<T> change) {
        return renamed(Map.of("override", "--override", "reason", "--reason"), change);
    }

    private static GateOverride override(Arguments args) {
        if (args.flag("override")) {
            return new GateOverride(args.option("reason"));
        }
        if (args.option("reason") != null) {
            throw new InvalidInputException("--reason", "goes with --override");
        }
        return null;
    }

    /** Runs a service call and renames the fields of its problems to this command's options. */
    private static <T> T renamed(Map<String, String> options, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            List<Problem> problems = e.problems().stream().map(p -> new Problem(option(options, p.field()),
                    p.field().equals("override") ? p.message().replace("by overriding it with a reason",
                    "with --override --reason TEXT") : p.message())).toList();
            throw new InvalidInputException(problems);
        }
    }

    private static String option(Map<String, String> options, String field) {
        String exact = options.get(field);
        if (exact != null) {
            return exact;
        }
        int bracket = field.indexOf('[');
        if (bracket > 0 && options.containsKey(field.substring(0, bracket))) {
            return options.get(field.substring(0, bracket)) + " " + field.substring(bracket);
        }
        return field;
    }

    private static String one(Arguments args, String command, String what) {
        if (args.positional().size() != 1) {
            throw new InvalidInputException(command, "needs exactly one " + what);
        }
        return args.positional().get(0);
    }

    private static List<String> two(Arguments args, String command) {
        if (args.positional().size() != 2) {
            throw new InvalidInputException(command, "needs a cycle key and a finding key, e.g. ctem " + command
                    + " CTEM-2026-Q3 F-101");
        }
        return args.positional();
    }

    private static String describe(Surface s) {
        return s.name() + " (" + s.kind().label() + ", owner " + dash(s.businessOwner()) + ", criticality "
                + (s.criticality() == null ? "-" : s.criticality().label()) + ", "
                + (s.exposure() == null ? "exposure -" : s.exposure().label()) + ", " + s.rules().size()
                + " rules)";
    }

    private static String listed(List<String> keys) {
        return keys.isEmpty() ? "" : "(" + String.join(", ", keys) + ")";
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "(none yet)" : text;
    }

    private static String dash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    private void out(String format, Object... values) {
        context.out.printf(format + "%n", values);
    }
}
