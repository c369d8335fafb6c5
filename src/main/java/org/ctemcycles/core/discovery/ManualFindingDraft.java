package org.ctemcycles.core.discovery;

import java.util.List;

/**
 * A finding from human-led testing as the tester entered it, every value raw text (any may be null or blank).
 *
 * @param asset       {@code KIND:VALUE}, KIND one of host, ip, url, repo, image, package, cloud, other
 *                    (e.g. {@code url:https://shop.example.com/login})
 * @param location    where on the asset (port, path, parameter), or blank
 * @param severity    info, low, medium, high or critical
 * @param reference   a stable reference for what was tested (e.g. a WSTG test id); defaults to the first CWE. Part of
 *                    the identity when no CVE is given, so the same issue entered twice merges; the title never is
 * @param cvssVectors CVSS v2, v3.x or v4.0 vectors
 */
public record ManualFindingDraft(String cycleKey, String title, String asset, String location, String severity,
                                 List<String> cves, List<String> cwes, List<String> cvssVectors, String reference,
                                 String evidence) {
}
