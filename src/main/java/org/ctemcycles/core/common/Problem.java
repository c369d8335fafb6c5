package org.ctemcycles.core.common;

import java.util.Objects;

/**
 * One thing wrong with an input, and where: {@code field} names the input field (as the user typed it in a form, a
 * JSON body or a command-line option) and {@code message} says what is wrong in words a user can act on.
 */
public record Problem(String field, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
