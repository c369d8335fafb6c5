/**
 * Exact CVSS calculator: parses and validates CVSS v2.0, v3.0, v3.1 and v4.0 vectors and
 * computes their scores and severity ratings, using the JDK only.
 *
 * <p>Entry points: {@link org.ctemcycles.core.scoring.cvss.CvssVector#parse(String)} and
 * {@link org.ctemcycles.core.scoring.cvss.CvssCalculator#score(CvssVector)}.
 *
 * <h2>Sources of facts</h2>
 * Formulas, weights, lookup tables and rounding rules are taken from the specifications; the code
 * is this package's own.
 * <ul>
 *   <li>FIRST, "A Complete Guide to the Common Vulnerability Scoring System Version 2.0" (2007),
 *       section 3.2 (equations and weights); severity bands for v2 are NVD's.</li>
 *   <li>FIRST, "Common Vulnerability Scoring System v3.0: Specification Document", section 8.</li>
 *   <li>FIRST, "Common Vulnerability Scoring System v3.1: Specification Document", section 7
 *       and Appendix A (floating-point rounding).</li>
 *   <li>FIRST, "Common Vulnerability Scoring System Version 4.0: Specification Document",
 *       sections 7 and 8, and the FIRST reference calculator it points to
 *       (github.com/FIRSTdotorg/cvss-v4-calculator, BSD-2-Clause, Copyright FIRST, Red Hat, and
 *       contributors) for the MacroVector scores, level depths and highest-severity vectors.</li>
 *   <li>Conformance data: RedHatProductSecurity/cvss test vectors (see the test resources'
 *       {@code SOURCE.md}); every line of them is reproduced exactly.</li>
 * </ul>
 *
 * <h2>Rounding rules</h2>
 * Scores are computed as integers in tenths and exposed as one-decimal {@code BigDecimal}s, so no
 * binary fraction ever reaches a caller.
 * <ul>
 *   <li><b>v2.0</b>: every weight is a short decimal, so the equations are evaluated exactly in
 *       {@code BigDecimal} and round_to_1_decimal is an exact half-up rounding. A base score of
 *       zero is 0.0 (some implementations print "-0.0"). Temporal and environmental scores are
 *       absent unless the vector gives a metric of that group a value other than ND.</li>
 *   <li><b>v3.1</b>: the specification's Appendix A Roundup (round to 5 decimals as an integer,
 *       then up to one decimal), applied to the {@code double} formula results. The temporal and
 *       outer environmental Roundup multiply an already rounded score by two-decimal weights and
 *       are done exactly in integers.</li>
 *   <li><b>v3.0</b>: Round up is the plain ceiling to one decimal of the exact value. The
 *       {@code double} result is first snapped to 9 decimals to remove binary error (about
 *       1e-15) so that exact tenths are not pushed up; the unit tests compare every base and
 *       every environmental combination against exact decimal arithmetic. Note that v3.0 and
 *       v3.1 differ on values just above a tenth, and v3.1 also changed the environmental
 *       formula for a changed scope, which lets an all-X environmental score exceed the base
 *       score (e.g. {@code AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H}: base 9.6, environmental
 *       9.7).</li>
 *   <li><b>v4.0</b>: the interpolated score is an exact fraction (see {@code Cvss4Scorer}),
 *       rounded half up to one decimal. This equals the reference calculator's rounding with its
 *       1e-6 correction; a plain {@code Math.round(x * 10) / 10} on doubles, as some libraries
 *       do, mis-scores vectors whose exact score is a .x5 tie.</li>
 * </ul>
 *
 * <h2>Nomenclature (v4.0)</h2>
 * CVSS-B, plus T when the threat metric E is present and not X, plus E when any security
 * requirement or modified base metric is present and not X. Supplemental metrics never change
 * the score or the nomenclature.
 *
 * <p>All types are immutable and thread-safe; the package holds no mutable static state.
 */
package org.ctemcycles.core.scoring.cvss;
