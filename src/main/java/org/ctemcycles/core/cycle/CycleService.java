package org.ctemcycles.core.cycle;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Opens, lists and shows CTEM cycles. Validates a {@link CycleDraft} completely before anything is stored and reports
 * every problem with the field it concerns. Permission checks belong to the callers at the edge (REST, actions, CLI).
 */
public class CycleService {

    public static final int DEFAULT_CHECKPOINT_INTERVAL_DAYS = 14;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_OBJECTIVE_LENGTH = 10_000;
    static final int MAX_CHECKPOINT_INTERVAL_DAYS = 365;
    private static final Pattern KEY_PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final int MIN_KEY_LENGTH = 2;
    private static final int MAX_KEY_LENGTH = 32;

    private final CycleRepository repository;
    private final Clock clock;

    public CycleService(CycleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Opens a new cycle in the Scoping stage.
     *
     * @param actor the user key of whoever opens it
     * @throws InvalidInputException listing every problem of the draft, including a key already in use
     */
    public Cycle create(CycleDraft draft, String actor) {
        List<Problem> problems = new ArrayList<>();
        String key = normaliseKey(draft.key(), problems);
        String name = requiredText("name", draft.name(), MAX_NAME_LENGTH, problems);
        String objective = optionalText("objective", draft.objective(), MAX_OBJECTIVE_LENGTH, problems);
        LocalDate start = date("start", draft.start(), problems);
        LocalDate plannedEnd = date("plannedEnd", draft.plannedEnd(), problems);
        int interval = checkpointInterval(draft.checkpointIntervalDays(), problems);
        if (start != null && plannedEnd != null && !plannedEnd.isAfter(start)) {
            problems.add(new Problem("plannedEnd",
                    "the planned end (" + plannedEnd + ") must be after the start (" + start + ")"));
        }
        if (key != null && repository.find(key).isPresent()) {
            problems.add(duplicateKey(key));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Cycle cycle = new Cycle(key, name, objective, new Cadence(start, plannedEnd, interval), Stage.SCOPING,
                clock.instant(), actor);
        if (!repository.insert(cycle)) {
            throw new InvalidInputException(List.of(duplicateKey(key)));
        }
        return cycle;
    }

    public List<Cycle> list() {
        return repository.list();
    }

    /** @throws NotFoundException naming the key when no such cycle exists */
    public Cycle get(String key) {
        String normalised = key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
        return repository.find(normalised)
                .orElseThrow(() -> new NotFoundException("no CTEM cycle with key '" + normalised + "'"));
    }

    private static Problem duplicateKey(String key) {
        return new Problem("key", "a cycle with key '" + key + "' already exists");
    }

    private static String normaliseKey(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem("key", "is required (for example CTEM-2026-Q3)"));
            return null;
        }
        String key = raw.trim().toUpperCase(Locale.ROOT);
        if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH || !KEY_PATTERN.matcher(key).matches()) {
            problems.add(new Problem("key", "'" + raw.trim() + "' is not a valid cycle key: use " + MIN_KEY_LENGTH
                    + " to " + MAX_KEY_LENGTH + " letters, digits and single hyphens, starting with a letter"
                    + " (for example CTEM-2026-Q3)"));
            return null;
        }
        return key;
    }

    private static String requiredText(String field, String raw, int maxLength, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required"));
            return null;
        }
        return limited(field, raw.trim(), maxLength, problems);
    }

    private static String optionalText(String field, String raw, int maxLength, List<Problem> problems) {
        return raw == null ? "" : limited(field, raw.trim(), maxLength, problems);
    }

    private static String limited(String field, String text, int maxLength, List<Problem> problems) {
        if (text.length() > maxLength) {
            problems.add(new Problem(field, "is " + text.length() + " characters long; at most " + maxLength
                    + " are allowed"));
            return null;
        }
        return text;
    }

    private static LocalDate date(String field, String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new Problem(field, "is required (a date such as 2026-07-01)"));
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + raw.trim() + "' is not a date of the form YYYY-MM-DD"));
            return null;
        }
    }

    private static int checkpointInterval(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_CHECKPOINT_INTERVAL_DAYS;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= MAX_CHECKPOINT_INTERVAL_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        problems.add(new Problem("checkpointIntervalDays", "'" + raw.trim() + "' is not a whole number of days from 1 to "
                + MAX_CHECKPOINT_INTERVAL_DAYS));
        return DEFAULT_CHECKPOINT_INTERVAL_DAYS;
    }
}
