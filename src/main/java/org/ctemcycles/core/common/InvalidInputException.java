package org.ctemcycles.core.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rejects an input as a whole and lists every {@link Problem} found in it, so a user can fix them all at once.
 * Thrown before anything of the input is stored.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
