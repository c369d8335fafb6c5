package org.ctemcycles.core.cadence;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Stage;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage transition was refused because entry criteria of the target stage are not met. Lists every unmet
 * criterion, then how to override. Nothing was changed.
 */
public class GateNotMetException extends InvalidInputException {

    private final Stage target;
    private final List<String> unmet;

    public GateNotMetException(Stage target, List<String> unmet) {
        super(problems(target, unmet));
        this.target = target;
        this.unmet = List.copyOf(unmet);
    }

    private static List<Problem> problems(Stage target, List<String> unmet) {
        List<Problem> problems = new ArrayList<>();
        unmet.forEach(criterion -> problems.add(new Problem(target.label() + " gate", criterion)));
        problems.add(new Problem("override", "a security lead may pass the " + target.label()
                + " gate anyway by overriding it with a reason, which is logged"));
        return problems;
    }

    public Stage target() {
        return target;
    }

    public List<String> unmet() {
        return unmet;
    }
}
