/**
 * SARIF 2.1.0 (OASIS), from any tool: CodeQL, Semgrep, Trivy, ESLint, Checkov, ... Format name {@code sarif}.
 *
 * <h2>Mapping</h2>
 * One observation per {@code runs[].results[]} entry.
 * <table>
 * <caption>SARIF to observation</caption>
 * <tr><th>observation</th><th>from</th></tr>
 * <tr><td>sourceKind</td><td>CODE_SCAN</td></tr>
 * <tr><td>tool, toolVersion</td><td>{@code run.tool.driver.name}, {@code .version} else {@code .semanticVersion}</td></tr>
 * <tr><td>ruleId</td><td>{@code result.ruleId}, else {@code result.rule.id}, else the rule the result refers to:
 * at {@code ruleIndex} or {@code rule.index} in the tool component {@code rule.toolComponent} names (by
 * {@code index} into {@code tool.extensions[]}, by {@code guid} or by {@code name}; the driver when absent), or by
 * {@code rule.guid}; of that rule its {@code id}, else its {@code guid}, else its {@code name} (gitleaks 8.0 writes
 * rules with an empty id); a reference to no rule is named by itself ({@code rules[3]},
 * {@code CodeScanner.Security:rules[3]}, or the guid). A hierarchical id {@code "CA2000/1"} falls back to rule
 * {@code CA2000} for the rule's facts. A result with no rule at all (gitleaks 7, and gitleaks 8.0's
 * {@code "ruleId": ""}) has the rule id "" and is identified by its fingerprint or, without one, by its location
 * (never by its message, which is free text; attribute {@code rule} = none); one with neither is skipped (counted
 * warning).</td></tr>
 * <tr><td>fingerprint</td><td>{@code fingerprints}, else {@code partialFingerprints}: per name the highest version
 * ({@code primaryLocationLineHash/v2} over the unversioned one), sorted by name, joined
 * {@code name=value|name=value}; null when the result has neither. gitleaks (driver name {@code gitleaks}) puts
 * the commit a secret was found in into {@code partialFingerprints} ({@code commitSha}, {@code author},
 * {@code email}, {@code date}, {@code commitMessage}): the same for every leak of one commit, so for gitleaks these
 * are not part of the fingerprint (see location).</td></tr>
 * <tr><td>severity</td><td>{@code properties["security-severity"]} of the result, else of the rule (GitHub's
 * convention), banded as CVSS: 9+ CRITICAL, 7+ HIGH, 4+ MEDIUM, above 0 LOW, 0 INFO. Without it the level:
 * error HIGH, warning MEDIUM, note LOW, none INFO. The level is the result's, else (for kind {@code fail}) the
 * rule's {@code defaultConfiguration.level}, else SARIF's default {@code warning}; a result of another kind has
 * level {@code none}. reportedSeverity is the security-severity text when used, else the level.</td></tr>
 * <tr><td>title</td><td>the rule's {@code shortDescription.text}, else its {@code name}, else the first line of the
 * message</td></tr>
 * <tr><td>evidence</td><td>{@code message.text} (or markdown, or the message id) with its {@code {n}} arguments
 * filled in</td></tr>
 * <tr><td>cves</td><td>the rule id and the rule's and result's tags that are CVE ids (Trivy and Grype use the CVE as
 * rule id)</td></tr>
 * <tr><td>cwes</td><td>CWE numbers in the rule's and result's {@code properties.tags} ({@code external/cwe/cwe-079},
 * {@code CWE-89: ...}), the rule's {@code properties.cwe}, result {@code taxa[]} and rule {@code relationships[]}
 * targets of the CWE taxonomy</td></tr>
 * <tr><td>cvssVectors</td><td>rule and result properties whose name contains "cvss" and whose value is a
 * vector</td></tr>
 * <tr><td>asset</td><td>REPOSITORY {@code versionControlProvenance[0].repositoryUri} when the run gives it before
 * its results (as CodeQL does); otherwise REPOSITORY with an empty value: the repository is not in the log and the
 * import names it</td></tr>
 * <tr><td>location</td><td>first location's {@code artifactLocation.uri} + ":" + {@code region.startLine}, an absolute
 * {@code file:} URI made relative to the longest matching {@code originalUriBaseIds} base that is known when the
 * result is read (a checkout path differs between CI runners); else the
 * first logical location's fully qualified name. For gitleaks, with the commit it found the leak in
 * ({@code partialFingerprints.commitSha}, gitleaks 8; {@code properties.commit}, gitleaks 7): + "@" + commit, so a
 * leak is its rule, its place and the commit that brought it in, as gitleaks' own fingerprint
 * ({@code commit:file:rule:line}) is (another tool's "commit" may be the commit it scanned, new every scan, so it
 * is not used)</td></tr>
 * <tr><td>attributes</td><td>level, kind (when not fail), baselineState, security-severity, precision, rank,
 * occurrenceCount, snippet (not for gitleaks: its snippet is the secret); suppressed = true (a suppression with
 * status accepted or none), underReview, or false, with suppression.kind and suppression.justification; commit,
 * commit.author, commit.email, commit.date, commit.message; rule = none for a result without a rule</td></tr>
 * </table>
 * Not observations (counted warnings): results of kind {@code pass}, {@code notApplicable} or
 * {@code informational}, and results whose {@code baselineState} is {@code absent} (no longer present). Code flows,
 * graphs, stacks, fixes and related locations are skipped unread. A log whose {@code version} is not 2.1.0 is
 * rejected, unless its {@code $schema} is SARIF 2.1.0's (gitleaks 8.0.0 to 8.0.3 wrote their own version there:
 * read with a warning), as is a run without {@code tool.driver.name}.
 */
package org.ctemcycles.ingest.sarif;
