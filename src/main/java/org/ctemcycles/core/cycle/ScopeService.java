package org.ctemcycles.core.cycle;

import org.ctemcycles.core.audit.ActivityLog;
import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogRecord;
import org.ctemcycles.core.audit.StateText;
import org.ctemcycles.core.common.Choices;
import org.ctemcycles.core.common.Fields;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.common.Transactions;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scope.ScopeRule;
import org.ctemcycles.core.scope.Surface;
import org.ctemcycles.core.scope.SurfaceKind;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Scoping: adds, changes and lists the surfaces of a cycle through the {@link ScopeRegister} port. Validates a
 * {@link SurfaceDraft} completely (naming every wrong field), refuses changes to a closed cycle, and logs every
 * change with the surface before and after, so surface changes during the cycle are part of its record.
 */
public class ScopeService {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_OWNER_LENGTH = 255;
    static final int MAX_CRITERION_LENGTH = 2_000;
    static final int MAX_PATTERN_LENGTH = 500;
    static final int MAX_RULES = 100;

    private final CycleService cycles;
    private final ScopeRegister register;
    private final ActivityLog log;
    private final Transactions transactions;
    private final Clock clock;

    public ScopeService(CycleService cycles, ScopeRegister register, ActivityLog log, Transactions transactions,
                        Clock clock) {
        this.cycles = cycles;
        this.register = register;
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Surface> list(String cycleKey) {
        return register.list(cycles.get(cycleKey).key());
    }

    /** @throws InvalidInputException listing every problem of the draft, or a key already used in the cycle */
    public Surface add(String cycleKey, SurfaceDraft draft, String actor) {
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.requireOpen(cycleKey);
            List<Problem> problems = new ArrayList<>();
            String key = CycleService.key("key", "surface key", draft.key(), "PAY-API", problems);
            String name = Fields.required("name", draft.name(), MAX_NAME_LENGTH, problems);
            SurfaceKind kind = parse("kind", draft.kind(), SurfaceKind.class, true, problems);
            Surface surface = new Surface(key == null ? "" : key, cycle.key(), name == null ? "" : name,
                    kind == null ? SurfaceKind.BUSINESS_PROCESS : kind,
                    text("businessOwner", draft.businessOwner(), MAX_OWNER_LENGTH, problems),
                    parse("criticality", draft.criticality(), Criticality.class, false, problems),
                    parse("exposure", draft.exposure(), Exposure.class, false, problems),
                    text("successCriterion", draft.successCriterion(), MAX_CRITERION_LENGTH, problems),
                    rules(draft.rules() == null ? List.of() : draft.rules(), problems));
            if (key != null && register.find(cycle.key(), key).isPresent()) {
                problems.add(duplicate(key, cycle.key()));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            log.append(new LogRecord(cycle.key(), clock.instant(), actor, LogAction.SURFACE_ADDED,
                    LogRecord.surfaceSubject(key), "", state(surface)));
            if (!register.add(surface)) {
                throw new InvalidInputException(List.of(duplicate(key, cycle.key())));
            }
            return surface;
        });
    }

    /**
     * Changes the parts of a surface that the draft gives (non-null); the draft's key names the surface.
     *
     * @throws NotFoundException     when the cycle has no such surface
     * @throws InvalidInputException listing every problem of the draft
     */
    public Surface update(String cycleKey, SurfaceDraft draft, String actor) {
        return transactions.inTransaction(() -> {
            Cycle cycle = cycles.lockOpen(cycleKey);
            String key = draft.key() == null ? "" : draft.key().trim().toUpperCase(Locale.ROOT);
            Surface current = register.find(cycle.key(), key).orElseThrow(() ->
                    new NotFoundException("no surface '" + key + "' in the scope of cycle " + cycle.key()));
            List<Problem> problems = new ArrayList<>();
            String name = draft.name() == null ? current.name()
                    : Fields.required("name", draft.name(), MAX_NAME_LENGTH, problems);
            SurfaceKind kind = draft.kind() == null ? current.kind()
                    : parse("kind", draft.kind(), SurfaceKind.class, true, problems);
            Surface changed = new Surface(current.key(), current.cycleKey(), name == null ? current.name() : name,
                    kind == null ? current.kind() : kind,
                    draft.businessOwner() == null ? current.businessOwner()
                            : text("businessOwner", draft.businessOwner(), MAX_OWNER_LENGTH, problems),
                    draft.criticality() == null ? current.criticality()
                            : parse("criticality", draft.criticality(), Criticality.class, false, problems),
                    draft.exposure() == null ? current.exposure()
                            : parse("exposure", draft.exposure(), Exposure.class, false, problems),
                    draft.successCriterion() == null ? current.successCriterion()
                            : text("successCriterion", draft.successCriterion(), MAX_CRITERION_LENGTH, problems),
                    draft.rules() == null ? current.rules() : rules(draft.rules(), problems));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (changed.equals(current)) {
                return current;
            }
            log.append(new LogRecord(cycle.key(), clock.instant(), actor, LogAction.SURFACE_CHANGED,
                    LogRecord.surfaceSubject(key), state(current), state(changed)));
            register.update(changed);
            return changed;
        });
    }

    /**
     * Copies the surfaces of cycle {@code fromKey} that cycle {@code toKey} does not have yet into it (a handover that
     * carries the scope over), logging each in the receiving cycle; joins the caller's transaction.
     *
     * @return the surfaces copied
     */
    public List<Surface> carryOver(String fromKey, String toKey, String actor, Instant now) {
        return carryOver(fromKey, toKey, surface -> true, actor, now);
    }

    /** As {@link #carryOver(String, String, String, Instant)}, only the surfaces {@code which} accepts. */
    public List<Surface> carryOver(String fromKey, String toKey, Predicate<Surface> which, String actor, Instant now) {
        List<Surface> carried = new ArrayList<>();
        for (Surface surface : register.list(fromKey)) {
            if (!which.test(surface) || register.find(toKey, surface.key()).isPresent()) {
                continue;
            }
            Surface copy = new Surface(surface.key(), toKey, surface.name(), surface.kind(), surface.businessOwner(),
                    surface.criticality(), surface.exposure(), surface.successCriterion(), surface.rules());
            log.append(new LogRecord(toKey, now, actor, LogAction.SURFACE_ADDED, LogRecord.surfaceSubject(copy.key()),
                    "", state(copy)));
            register.add(copy);
            carried.add(copy);
        }
        return carried;
    }

    private static String state(Surface surface) {
        return StateText.of("key", surface.key())
                .and("name", surface.name())
                .and("kind", surface.kind().name())
                .and("businessOwner", surface.businessOwner())
                .and("criticality", surface.criticality() == null ? "" : surface.criticality().name())
                .and("exposure", surface.exposure() == null ? "" : surface.exposure().name())
                .and("successCriterion", surface.successCriterion())
                .and("rules", surface.rules().stream().map(r -> r.kind().name() + ":" + r.pattern())
                        .collect(Collectors.joining(" ")))
                .toString();
    }

    private static Problem duplicate(String key, String cycleKey) {
        return new Problem("key", "cycle " + cycleKey + " already has a surface with key '" + key + "'");
    }

    private static String text(String field, String raw, int maxLength, List<Problem> problems) {
        String text = Fields.optional(field, raw, maxLength, problems);
        return text == null ? "" : text;
    }

    private static <E extends Enum<E>> E parse(String field, String raw, Class<E> type, boolean required,
                                               List<Problem> problems) {
        return Choices.parse(field, raw, type, required, problems);
    }

    private static List<ScopeRule> rules(List<String> raw, List<Problem> problems) {
        if (raw.size() > MAX_RULES) {
            problems.add(new Problem("rules", raw.size() + " rules given; at most " + MAX_RULES + " are allowed"));
            return List.of();
        }
        List<ScopeRule> rules = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            try {
                ScopeRule rule = ScopeRule.parse(raw.get(i));
                if (!rules.contains(rule)) {
                    rules.add(rule); // a rule written twice (in any spelling) is kept once
                }
            } catch (InvalidInputException e) {
                String field = "rules[" + (i + 1) + "]";
                e.problems().forEach(p -> problems.add(new Problem(field, p.message())));
            }
        }
        return rules;
    }
}
