package org.ctemcycles.cli;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.ingest.ImportLimits;

import java.util.HashSet;
import java.util.Set;

/**
 * The options that set the import limits, shared by every command that reads a report or a feed ({@code parse},
 * {@code import}, {@code feeds load}, {@code prioritise}, {@code cycle prioritise}): a breach names the option that
 * raises its limit, and that option works wherever the file is read.
 */
final class LimitOptions {

    /** The option names, without "--". */
    static final Set<String> NAMES = Set.of("max-bytes", "max-observations", "max-field-length", "max-depth",
            "max-record-values");

    static final String USAGE = "[--max-bytes N] [--max-observations N] [--max-field-length N] [--max-depth N]"
            + " [--max-record-values N]";

    private LimitOptions() {
    }

    /** {@code names} with the limit options added. */
    static Set<String> with(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        all.addAll(NAMES);
        return all;
    }

    /** The limits the arguments set, the defaults for the others. */
    static ImportLimits limits(Arguments arguments) {
        ImportLimits defaults = ImportLimits.defaults();
        return new ImportLimits(
                number(arguments, "max-bytes", defaults.maxBytes(), Long.MAX_VALUE),
                (int) number(arguments, "max-observations", defaults.maxObservations(), Integer.MAX_VALUE),
                (int) number(arguments, "max-field-length", defaults.maxFieldLength(), Integer.MAX_VALUE),
                (int) number(arguments, "max-depth", defaults.maxDepth(), Integer.MAX_VALUE),
                (int) number(arguments, "max-record-values", defaults.maxRecordValues(), Integer.MAX_VALUE));
    }

    private static long number(Arguments arguments, String name, long fallback, long max) {
        String text = arguments.option(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--" + name, "needs a positive whole number, not '" + text + "'");
        }
        if (value < 1 || value > max) {
            throw new InvalidInputException("--" + name, "needs a whole number from 1 to " + max + ", not '" + text
                    + "'");
        }
        return value;
    }
}
