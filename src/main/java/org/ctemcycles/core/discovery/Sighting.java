package org.ctemcycles.core.discovery;

import org.ctemcycles.core.finding.ObservedSeverity;
import org.ctemcycles.core.finding.VexAnalysis;

import java.util.Map;

/**
 * What one source of one run reported about one finding: becomes one signal. When the run reported the finding
 * several times (e.g. one CVE in two packages of an image), {@link #observations()} counts them, the severity is the
 * highest reported, and location, evidence, attributes and VEX are those of the first.
 *
 * @param rawSeverity the tool's own text for {@link #severity()}
 */
public record Sighting(SourceKey source, String tool, String toolVersion, ObservedSeverity severity,
                       String rawSeverity, int observations, String location, String evidence,
                       Map<String, String> attributes, VexAnalysis vex) {
}
