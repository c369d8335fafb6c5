package org.ctemcycles.ingest;

import java.util.List;

/**
 * What one report yielded: its format, the number of observations, and the warnings about input that was skipped
 * (the first {@link #MAX_WARNINGS_KEPT}; each importer already folds repeated warnings into one counted line).
 */
public record ImportSummary(String format, int observations, List<String> warnings) {

    public static final int MAX_WARNINGS_KEPT = 1000;

    public ImportSummary {
        warnings = List.copyOf(warnings);
    }
}
