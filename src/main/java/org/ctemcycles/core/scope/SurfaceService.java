package org.ctemcycles.core.scope;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.CycleRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Registers a cycle's surfaces with their scope rules, the minimum discovery needs to map observations to surfaces.
 * Validates a {@link SurfaceDraft} completely before anything is stored and reports every problem with its field.
 */
public class SurfaceService {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TEXT_LENGTH = 10_000;
    private static final Pattern KEY_PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final int MAX_KEY_LENGTH = 32;

    private final SurfaceRepository surfaces;
    private final CycleRepository cycles;

    public SurfaceService(SurfaceRepository surfaces, CycleRepository cycles) {
        this.surfaces = surfaces;
        this.cycles = cycles;
    }

    /**
     * Registers a surface in a cycle.
     *
     * @throws NotFoundException     when the cycle does not exist
     * @throws InvalidInputException listing every problem of the draft, including a key already in use
     */
    public Surface register(SurfaceDraft draft) {
        String cycleKey = cycleKey(draft.cycleKey());
        List<Problem> problems = new ArrayList<>();
        String key = key(draft.key(), problems);
        String name = text("name", draft.name(), MAX_NAME_LENGTH, true, problems);
        SurfaceKind kind = enumValue("kind", draft.kind(), SurfaceKind.class, true, problems);
        String owner = text("businessOwner", draft.businessOwner(), MAX_NAME_LENGTH, false, problems);
        Criticality criticality = enumValue("criticality", draft.criticality(), Criticality.class, false, problems);
        Exposure exposure = enumValue("exposure", draft.exposure(), Exposure.class, false, problems);
        String criterion = text("successCriterion", draft.successCriterion(), MAX_TEXT_LENGTH, false, problems);
        List<ScopeRule> rules = new ArrayList<>();
        for (String raw : draft.rules() == null ? List.<String>of() : draft.rules()) {
            try {
                ScopeRule rule = ScopeRule.parse(raw);
                if (!rules.contains(rule)) {
                    rules.add(rule);
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (key != null && surfaces.find(cycleKey, key).isPresent()) {
            problems.add(duplicate(cycleKey, key));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Surface surface = new Surface(key, cycleKey, name, kind, owner, criticality, exposure, criterion, rules);
        if (!surfaces.insert(surface)) {
            throw new InvalidInputException(List.of(duplicate(cycleKey, key)));
        }
        return surface;
    }

    /** The cycle's surfaces in registration order. */
    public List<Surface> list(String cycleKey) {
        return surfaces.list(cycleKey(cycleKey));
    }

    private String cycleKey(String raw) {
        String key = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (cycles.find(key).isEmpty()) {
            throw new NotFoundException("no CTEM cycle with key '" + key + "'");
        }
        return key;
    }

    private static Problem duplicate(String cycleKey, String key) {
        return new Problem("key", "cycle " + cycleKey + " already has a surface with key '" + key + "'");
    }

    private static String key(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem("key", "is required (for example PAYMENTS-API)"));
            return null;
        }
        String key = raw.trim().toUpperCase(Locale.ROOT);
        if (key.length() < 2 || key.length() > MAX_KEY_LENGTH || !KEY_PATTERN.matcher(key).matches()) {
            problems.add(new Problem("key", "'" + raw.trim() + "' is not a valid surface key: use 2 to " + MAX_KEY_LENGTH
                    + " letters, digits and single hyphens, starting with a letter (for example PAYMENTS-API)"));
            return null;
        }
        return key;
    }

    private static String text(String field, String raw, int max, boolean required, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "is required"));
            }
            return null;
        }
        String text = raw.trim();
        if (text.length() > max) {
            problems.add(new Problem(field, "is " + text.length() + " characters long; at most " + max + " are allowed"));
            return null;
        }
        return text;
    }

    /** An enum constant written in any case, with hyphens or spaces for underscores. */
    static <E extends Enum<E>> E enumValue(String field, String raw, Class<E> type, boolean required,
                                           List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new Problem(field, "is required: one of " + names(type)));
            }
            return null;
        }
        String name = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        problems.add(new Problem(field, "'" + raw.trim() + "' is not one of " + names(type)));
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }
}
