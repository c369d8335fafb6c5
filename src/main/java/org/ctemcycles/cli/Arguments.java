package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line words split into {@code --option value} pairs, {@code --flag}s and positional words. Unknown options
 * and options without their value are rejected with a message that names them. Repeatable options may be given
 * more than once and are read with {@link #options(String)}.
 */
final class Arguments {

    private final Map<String, String> options;
    private final Map<String, List<String>> repeated;
    private final Set<String> flags;
    private final List<String> positional;

    private Arguments(Map<String, String> options, Map<String, List<String>> repeated, Set<String> flags,
                      List<String> positional) {
        this.options = options;
        this.repeated = repeated;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * @param valued the options that take a value (without "--")
     * @param flags  the options that take none
     */
    static Arguments parse(List<String> words, Set<String> valued, Set<String> flags) {
        return parse(words, valued, Set.of(), flags);
    }

    /**
     * @param valued     the options that take a value, once (without "--")
     * @param repeatable the options that take a value and may be given more than once
     * @param flags      the options that take none
     */
    static Arguments parse(List<String> words, Set<String> valued, Set<String> repeatable, Set<String> flags) {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        Set<String> seenFlags = new java.util.LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                positional.add(word);
                continue;
            }
            String name = word.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name) && inlineValue == null) {
                seenFlags.add(name);
            } else if (valued.contains(name) || repeatable.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new InvalidInputException("--" + name, "needs a value");
                    }
                    value = words.get(++i);
                }
                if (repeatable.contains(name)) {
                    repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else if (options.putIfAbsent(name, value) != null) {
                    throw new InvalidInputException("--" + name, "is given twice");
                }
            } else {
                throw new InvalidInputException("--" + name, "is not an option of this command");
            }
        }
        return new Arguments(options, repeated, seenFlags, positional);
    }

    String option(String name) {
        return options.get(name);
    }

    /** Every value of a repeatable option, in the order given (empty when it was not given). */
    List<String> options(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
