package org.ctemcycles.core.scope;

import java.util.List;

/**
 * A surface as a user entered it, every value raw text (any may be null or blank); {@link SurfaceService} parses and
 * validates all of them at once.
 *
 * @param kind  a {@link SurfaceKind} name, any case, hyphens or spaces for underscores (e.g. customer-facing-system)
 * @param rules scope rules written {@code KIND:PATTERN} (see {@link ScopeRule})
 */
public record SurfaceDraft(String cycleKey, String key, String name, String kind, String businessOwner,
                           String criticality, String exposure, String successCriterion, List<String> rules) {
}
