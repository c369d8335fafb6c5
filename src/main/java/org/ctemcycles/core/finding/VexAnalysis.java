package org.ctemcycles.core.finding;

/**
 * A CycloneDX VEX analysis as the producer stated it (state, justification, response, detail), kept verbatim; it
 * later feeds validation. Any field may be null when the document leaves it out.
 */
public record VexAnalysis(String state, String justification, String response, String detail) {
}
