package org.ctemcycles.core.cadence;

import org.ctemcycles.core.cycle.Cycle;
import org.ctemcycles.core.cycle.ScopeRegister;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.RegisterRepository;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.validation.ValidationRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The entry criteria of each stage, checked against the cycle's record. A cycle enters
 * <ul>
 *   <li><b>Discovery</b> when its objective and success criteria are recorded and at least one surface has a business
 *       owner, a criticality and a success criterion;</li>
 *   <li><b>Prioritisation</b> when at least one discovery run was recorded and the register holds at least one
 *       finding;</li>
 *   <li><b>Validation</b> when every finding in the register has a priority decision;</li>
 *   <li><b>Mobilisation</b> when at least one finding has a validation record;</li>
 *   <li><b>Closed</b> when every finding still needing work has a remediation owner and a deadline (or an accepted
 *       risk), and at least one checkpoint was held.</li>
 * </ul>
 * Unmet criteria are listed in words a security lead can act on; a security lead may override them with a reason.
 */
public class StageGates {

    private static final int LISTED = 5;

    private final ScopeRegister scope;
    private final CycleProgress progress;
    private final RegisterRepository register;
    private final ValidationRepository validations;
    private final CheckpointRepository checkpoints;

    public StageGates(ScopeRegister scope, CycleProgress progress, RegisterRepository register,
                      ValidationRepository validations, CheckpointRepository checkpoints) {
        this.scope = scope;
        this.progress = progress;
        this.register = register;
        this.validations = validations;
        this.checkpoints = checkpoints;
    }

    /** The entry criteria of {@code target} that the cycle does not meet; empty when it may enter. */
    public List<String> unmet(Cycle cycle, Stage target) {
        List<String> unmet = new ArrayList<>();
        String key = cycle.key();
        switch (target) {
            case SCOPING -> { }
            case DISCOVERY -> {
                if (cycle.objective().isBlank()) {
                    unmet.add("the cycle's objective is not recorded");
                }
                if (cycle.successCriteria().isBlank()) {
                    unmet.add("the cycle's success criteria are not recorded");
                }
                List<Surface> surfaces = scope.list(key);
                if (surfaces.stream().noneMatch(StageGates::complete)) {
                    unmet.add(surfaces.isEmpty() ? "no surface is in scope"
                            : "no surface has a business owner, a criticality and a success criterion");
                }
            }
            case PRIORITISATION -> {
                if (progress.discoveryRuns(key) == 0) {
                    unmet.add("no discovery run was recorded");
                }
                if (register.countByStatus(key).isEmpty()) { // counted, not loaded: the register may be large
                    unmet.add("the register holds no finding");
                }
            }
            case VALIDATION -> {
                List<RegisterEntry> entries = register.list(key);
                Map<String, String> tiers = progress.tiers(key);
                List<String> unranked = entries.stream().map(RegisterEntry::findingKey)
                        .filter(f -> !tiers.containsKey(f)).toList();
                if (entries.isEmpty()) {
                    unmet.add("the register holds no finding");
                } else if (!unranked.isEmpty()) {
                    unmet.add(unranked.size() + " of " + entries.size() + " findings have no priority decision: "
                            + listed(unranked));
                }
            }
            case MOBILISATION -> {
                if (validations.count(key) == 0) {
                    unmet.add("no finding has a validation record");
                }
            }
            case CLOSED -> {
                List<String> unassigned = register.list(key).stream()
                        .filter(RegisterEntry::unassigned)
                        .map(RegisterEntry::findingKey).toList();
                if (!unassigned.isEmpty()) {
                    unmet.add(unassigned.size() + " findings still needing work have no remediation owner and"
                            + " deadline: " + listed(unassigned));
                }
                if (checkpoints.list(key).isEmpty()) {
                    unmet.add("no checkpoint was held");
                }
            }
        }
        return unmet;
    }

    private static boolean complete(Surface surface) {
        return !surface.businessOwner().isBlank() && surface.criticality() != null
                && !surface.successCriterion().isBlank();
    }

    private static String listed(List<String> keys) {
        String shown = keys.stream().limit(LISTED).collect(Collectors.joining(", "));
        return keys.size() > LISTED ? shown + " and " + (keys.size() - LISTED) + " more" : shown;
    }
}
