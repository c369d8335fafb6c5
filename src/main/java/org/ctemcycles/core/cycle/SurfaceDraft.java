package org.ctemcycles.core.cycle;

import java.util.List;

/**
 * A surface as a user entered it, every value raw text. For an update, a null value (or a null rule list) leaves
 * that part unchanged and the key names the surface to change.
 *
 * @param kind        a {@link org.ctemcycles.core.scope.SurfaceKind} name or label, e.g. "customer-facing system"
 * @param criticality critical, high, medium or low
 * @param exposure    internet-facing or internal
 * @param rules       scope rules written {@code KIND:PATTERN}, e.g. {@code HOST:*.pay.example.com}
 */
public record SurfaceDraft(String key, String name, String kind, String businessOwner, String criticality,
                           String exposure, String successCriterion, List<String> rules) {
}
