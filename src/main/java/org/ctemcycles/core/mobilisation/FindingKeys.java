package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.common.Problem;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for a finding key as the cycle record receives it: the stable key discovery gives a finding, 1 to
 * {@value #MAX_LENGTH} characters without spaces or control characters. Its format is discovery's business.
 */
public final class FindingKeys {

    public static final int MAX_LENGTH = 200;

    private FindingKeys() {
    }

    /** The trimmed key, or null with a problem for {@code field}. */
    public static String check(String field, String raw, List<Problem> problems) {
        String key = raw == null ? "" : raw.trim();
        if (key.isEmpty()) {
            problems.add(new Problem(field, "a finding key is required"));
            return null;
        }
        if (key.length() > MAX_LENGTH) {
            problems.add(new Problem(field, "the finding key is " + key.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed"));
            return null;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                problems.add(new Problem(field, "the finding key '" + key + "' contains a space or control character"
                        + " at offset " + i));
                return null;
            }
        }
        return key;
    }

    /** The trimmed keys, each once in the order given; a problem named {@code findings[n]} for each bad one. */
    public static Set<String> checkAll(Collection<String> raw, List<Problem> problems) {
        Set<String> keys = new LinkedHashSet<>();
        int index = 0;
        for (String one : raw) {
            String key = check("findings[" + (++index) + "]", one, problems);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }
}
