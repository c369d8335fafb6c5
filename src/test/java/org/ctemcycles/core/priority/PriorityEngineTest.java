package org.ctemcycles.core.priority;

import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.epss.EpssFeed;
import org.ctemcycles.core.scoring.kev.KevCatalog;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.ingest.epss.EpssCsvReader;
import org.ctemcycles.ingest.kev.KevJsonReader;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The orderings a security lead would defend, under the default policy, with the real KEV catalogue of 2025-08-25
 * and an EPSS feed of the day before the decision.
 */
public class PriorityEngineTest {

    static final Instant NOW = Instant.parse("2025-09-01T09:00:00Z");
    static final String EPSS = """
            #model_version:v2025.03.14,score_date:2025-08-31T12:55:00Z
            cve,epss,percentile
            CVE-2023-4966,0.94270,0.99911
            CVE-2021-44228,0.94358,0.99957
            CVE-2020-1472,0.94412,0.99970
            CVE-2025-10001,0.00100,0.22000
            CVE-2025-10002,0.31000,0.96800
            CVE-2025-10003,0.02000,0.81000
            """;
    static final String V31_CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    static final String V31_HIGH_C = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";

    static KevCatalog kev;
    static EpssFeed epss;
    private final PriorityEngine engine = PriorityEngine.of(PriorityPolicy.defaults());

    @BeforeClass
    public static void feeds() throws Exception {
        kev = new KevJsonReader().read(PriorityEngineTest.class.getResourceAsStream(
                "/kev/known_exploited_vulnerabilities.json.gz"), "kev.json", NOW);
        epss = new EpssCsvReader().read(new ByteArrayInputStream(EPSS.getBytes(StandardCharsets.UTF_8)),
                "epss_scores-2025-08-31.csv.gz", NOW);
    }

    private List<Decision> rank(PriorityInput... inputs) {
        return engine.prioritise(List.of(inputs), epss, kev, NOW);
    }

    private static List<String> keys(List<Decision> decisions) {
        return decisions.stream().map(Decision::findingKey).toList();
    }

    private static Factor factor(Decision d, FactorKind kind) {
        return d.factors().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow(
                () -> new AssertionError("no " + kind + " factor in " + d.factors()));
    }

    @Test
    public void kevWithRansomwareOnACriticalInternetFacingSurfaceOutranksCvss98WithTinyEpssOnAnInternalLowSurface() {
        PriorityInput citrixBleed = finding("citrix-bleed@gw-01").cve("CVE-2023-4966").cvss(V31_HIGH_C)
                .on(Criticality.CRITICAL, Exposure.INTERNET_FACING).build();
        PriorityInput loud = finding("cvss-9.8@build-07").cve("CVE-2025-10001").cvss(V31_CRITICAL)
                .on(Criticality.LOW, Exposure.INTERNAL).build();

        List<Decision> ranked = rank(loud, citrixBleed);

        assertEquals(List.of("citrix-bleed@gw-01", "cvss-9.8@build-07"), keys(ranked));
        Decision top = ranked.get(0);
        Decision low = ranked.get(1);
        assertEquals(Tier.CRITICAL, top.tier());
        assertEquals(1000, top.score());
        assertEquals(250, factor(top, FactorKind.KEV).contribution());
        assertEquals(100, factor(top, FactorKind.RANSOMWARE).contribution());
        assertEquals("known ransomware campaign use (CVE-2023-4966)", factor(top, FactorKind.RANSOMWARE).label());
        assertEquals(new Provenance("KEV", "2025.08.25", "2025-08-25T17:04:19.979600Z", "fresh: 6 days old"),
                factor(top, FactorKind.KEV).provenance());
        assertEquals(FactorKind.BOUND, top.factors().get(top.factors().size() - 1).kind());

        // 9.8 x 4 = 39.2, EPSS 0.001 on the log scale 5.0, low criticality -10: 34.2, a Low tier
        assertEquals(342, low.score());
        assertEquals(Tier.LOW, low.tier());
        assertEquals(392, factor(low, FactorKind.CVSS).contribution());
        assertEquals("CVSS:3.1 base 9.8 (Critical)", factor(low, FactorKind.CVSS).label());
        assertEquals(50, factor(low, FactorKind.EPSS_PROBABILITY).contribution());
        assertEquals(new Provenance("EPSS", "v2025.03.14", "2025-08-31T12:55:00Z", "fresh: 0 days old"),
                factor(low, FactorKind.EPSS_PROBABILITY).provenance());
        assertEquals("not in CISA KEV", factor(low, FactorKind.KEV).label());
        assertEquals(-100, factor(low, FactorKind.CRITICALITY).contribution());
    }

    @Test
    public void aFindingValidatedAsNotExploitableDrops() {
        PriorityInput a = finding("A").cve("CVE-2025-10002").cvss(V31_CRITICAL).on(Criticality.HIGH, Exposure.INTERNAL)
                .build();
        PriorityInput b = finding("B").cve("CVE-2025-10003").cvss(V31_HIGH_C).on(Criticality.HIGH, Exposure.INTERNAL)
                .build();
        PriorityInput aRefuted = finding("A").cve("CVE-2025-10002").cvss(V31_CRITICAL)
                .on(Criticality.HIGH, Exposure.INTERNAL).validated(ValidationOutcome.NOT_EXPLOITABLE).build();

        List<Decision> before = rank(a, b);
        List<Decision> after = rank(aRefuted, b);

        assertEquals(List.of("A", "B"), keys(before));
        assertEquals(List.of("B", "A"), keys(after));
        Decision refuted = after.get(1);
        assertEquals(before.get(0).score() - 400, refuted.score());
        assertEquals("validated: Not exploitable", factor(refuted, FactorKind.VALIDATION).label());
        assertTrue(refuted.rationale(), refuted.rationale().contains("validated: Not exploitable -40.0"));
        assertTrue(refuted.tier().compareTo(before.get(0).tier()) > 0);
    }

    @Test
    public void aCompensatingControlLowersTheScoreWithItsEvidenceShown() {
        PriorityInput open = finding("web-01").cve("CVE-2025-10002").cvss(V31_CRITICAL)
                .on(Criticality.HIGH, Exposure.INTERNET_FACING).build();
        PriorityInput shielded = finding("web-02").cve("CVE-2025-10002").cvss(V31_CRITICAL)
                .on(Criticality.HIGH, Exposure.INTERNET_FACING)
                .control("WAF virtual patch (rule 942100)", "-15", "change CHG-1234; WAF policy export 2025-08-20")
                .build();

        List<Decision> ranked = rank(shielded, open);

        assertEquals(List.of("web-01", "web-02"), keys(ranked));
        Decision d = ranked.get(1);
        assertEquals(ranked.get(0).score() - 150, d.score());
        Factor control = factor(d, FactorKind.CONTROL);
        assertEquals(-150, control.contribution());
        assertEquals("compensating control 'WAF virtual patch (rule 942100)'", control.label());
        assertEquals("change CHG-1234; WAF policy export 2025-08-20", control.evidence());
        assertTrue(d.rationale(), d.rationale().contains("compensating control 'WAF virtual patch (rule 942100)' -15.0"));
    }

    @Test
    public void aControlBeyondThePolicyCapIsCappedAndSaysSo() {
        Decision d = rank(finding("x").cvss(V31_CRITICAL).control("air gap", "-60", "network diagram v7").build()).get(0);
        Factor control = factor(d, FactorKind.CONTROL);
        assertEquals(-250, control.contribution());
        assertEquals("compensating control 'air gap' (capped by policy from -60)", control.label());
    }

    @Test
    public void factorsAlwaysAddUpToTheScoreAndTheRationaleIsBuiltFromThem() {
        Random random = new Random(7);
        List<PriorityInput> inputs = new ArrayList<>();
        String[] cves = {"CVE-2023-4966", "CVE-2021-44228", "CVE-2025-10001", "CVE-2025-10002", "CVE-2019-0001"};
        for (int i = 0; i < 300; i++) {
            Facts facts = finding("F-" + i).cve(cves[random.nextInt(cves.length)]);
            if (random.nextBoolean()) {
                facts.cvss(random.nextBoolean() ? V31_CRITICAL : "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
            }
            if (random.nextInt(3) > 0) {
                facts.on(Criticality.values()[random.nextInt(4)], Exposure.values()[random.nextInt(2)]);
            }
            if (random.nextInt(4) == 0) {
                facts.validated(ValidationOutcome.values()[random.nextInt(5)]);
            }
            if (random.nextInt(3) == 0) {
                facts.firstSeen(LocalDate.of(2025, 6, 1).plusDays(random.nextInt(60)).toString());
            }
            if (random.nextInt(5) == 0) {
                facts.control("segmentation", random.nextBoolean() ? "-12.5" : "7", "firewall export");
            }
            inputs.add(facts.build());
        }
        List<Decision> ranked = engine.prioritise(inputs, epss, kev, NOW);
        List<Decision> byComparator = new ArrayList<>(ranked);
        Collections.shuffle(byComparator, new Random(1));
        byComparator.sort(Decision.RANKING);
        assertEquals("the packed primitive sort gives the comparator's order", byComparator, ranked);
        for (Decision d : ranked) {
            assertEquals(d.score(), d.factors().stream().mapToInt(Factor::contribution).sum());
            assertTrue(d.score() >= 0 && d.score() <= 1000);
            assertEquals(PriorityPolicy.defaults().tierOf(d.score()), d.tier());
            String rationale = d.rationale();
            assertTrue(rationale, rationale.startsWith(d.tier().label() + " (score " + d.scorePoints() + ", SSVC "));
            for (Factor f : d.factors()) {
                if (f.contribution() != 0) {
                    assertTrue(rationale + " lacks " + f.label(), rationale.contains(f.label() + " " + f.signedPoints()));
                }
            }
        }
    }

    @Test
    public void rankingIsDeterministicWithTheKeyAsTheFinalTieBreak() {
        List<PriorityInput> inputs = new ArrayList<>();
        for (String key : List.of("F-3", "F-1", "F-2", "F-10")) {
            inputs.add(finding(key).cve("CVE-2025-10003").cvss(V31_HIGH_C).on(Criticality.MEDIUM, Exposure.INTERNAL)
                    .firstSeen("2025-08-01").build());
        }
        List<String> first = keys(engine.prioritise(inputs, epss, kev, NOW));
        assertEquals(List.of("F-1", "F-10", "F-2", "F-3"), first);
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(inputs, new Random(i));
            assertEquals(first, keys(engine.prioritise(inputs, epss, kev, NOW)));
        }
        // equal scores: the earlier deadline first
        PriorityInput older = finding("Z-older").cve("CVE-2025-10003").cvss(V31_HIGH_C)
                .on(Criticality.MEDIUM, Exposure.INTERNAL).firstSeen("2025-06-01").build();
        inputs.add(older);
        assertEquals("Z-older", engine.prioritise(inputs, epss, kev, NOW).get(0).findingKey());
    }

    @Test
    public void aDuplicateFindingKeyIsRejected() {
        try {
            rank(finding("dup").build(), finding("dup").build());
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("finding key 'dup' is given twice", e.getMessage());
        }
    }

    @Test
    public void kevDueDateIsTakenAsPublishedAndALegacyEntryIsOverdueOnArrival() {
        PriorityPolicy bod2201 = withRules(RegulatoryRules.BOD_22_01);
        Decision zerologon = PriorityEngine.of(bod2201).decide(finding("dc-01").cve("CVE-2020-1472")
                .on(Criticality.CRITICAL, Exposure.INTERNAL).build(), epss, kev, NOW);
        assertEquals(LocalDate.of(2020, 9, 21), zerologon.deadline().date());
        assertEquals("BOD 22-01: KEV dueDate as published", zerologon.deadline().rule());
        assertEquals("CVE-2020-1472 added 2021-11-03, due before it was added (overdue on arrival)",
                zerologon.deadline().basis());
        assertTrue(zerologon.deadline().overdue());
        assertTrue(zerologon.rationale(), zerologon.rationale().contains(
                "Due 2020-09-21 (BOD 22-01: KEV dueDate as published), already overdue."));
    }

    @Test
    public void bod2604RowIsChosenFromKevExposureAutomatableAndImpactAndTheEarliestDeadlineWins() {
        // Git CVE-2025-48384: in KEV (added 2025-08-25, due 2025-09-15); exposed, automatable, total impact: row 15
        Decision git = engine.decide(finding("git@ci").cve("CVE-2025-48384").on(Criticality.HIGH, Exposure.INTERNET_FACING)
                .automatable(Automatable.YES).impact(TechnicalImpact.TOTAL).build(), epss, kev, NOW);
        assertEquals(LocalDate.of(2025, 8, 28), git.deadline().date());
        assertEquals("BOD 26-04 row 15 (in KEV, exposed, automatable, total impact: 3 days & forensic investigation)",
                git.deadline().rule());
        assertEquals("KEV dateAdded 2025-08-25 + 3 days", git.deadline().basis());
        assertTrue(git.deadline().forensic());
        assertTrue(git.deadline().overdue());
        assertEquals(List.of("KEV dueDate as published", git.deadline().rule(), "internal SLA (High: 30 days)"),
                git.deadline().candidates().stream().map(DeadlineCandidate::rule).toList());
        assertEquals(LocalDate.of(2025, 9, 15), git.deadline().candidates().get(0).date());

        // internal, not automatable, partial: the same KEV entry falls to row 1 (14 days), still before its dueDate
        Decision inside = engine.decide(finding("git@laptop").cve("CVE-2025-48384").on(Criticality.LOW, Exposure.INTERNAL)
                .automatable(Automatable.NO).impact(TechnicalImpact.PARTIAL).build(), epss, kev, NOW);
        assertEquals(LocalDate.of(2025, 9, 8), inside.deadline().date());
        assertTrue(inside.deadline().rule().startsWith("BOD 26-04 row 1 "));
        assertFalse(inside.deadline().overdue());
    }

    @Test
    public void withoutARegulatoryDeadlineTheInternalSlaOfTheTierApplies() {
        // not in KEV, internal, not automatable, partial: BOD 26-04 row 0, "fix on system upgrade", sets no date
        Decision d = engine.decide(finding("lib@svc").cve("CVE-2025-10003").cvss(V31_HIGH_C)
                .on(Criticality.MEDIUM, Exposure.INTERNAL).automatable(Automatable.NO).impact(TechnicalImpact.PARTIAL)
                .firstSeen("2025-08-20").build(), epss, kev, NOW);
        assertEquals(Tier.MEDIUM, d.tier());
        assertNull(d.deadline().candidates().get(0).date());
        assertEquals("no date: fix on system upgrade", d.deadline().candidates().get(0).basis());
        assertEquals(LocalDate.of(2025, 11, 18), d.deadline().date());
        assertEquals("internal SLA (Medium: 90 days)", d.deadline().rule());
        assertEquals("first seen 2025-08-20 + 90 days", d.deadline().basis());

        Map3 sla = new Map3();
        PriorityPolicy p = PriorityPolicy.defaults();
        PriorityPolicy tight = new PriorityPolicy("tight", 2, "", p.cvssWeight(), p.cvssUnknownPoints(),
                p.epssMaxPoints(), p.epssFloor(), p.epssPercentileThreshold(), p.epssPercentileBonus(), p.epssMaxAge(),
                p.kevPoints(), p.ransomwarePoints(), p.kevMaxAge(), p.activeExploitationPoints(), p.publicPocPoints(),
                p.criticalityPoints(), p.exposurePoints(), p.validationPoints(), p.controlMaxPoints(),
                p.tierThresholds(), RegulatoryRules.NONE, true, true, sla.days, false);
        Decision tighter = PriorityEngine.of(tight).decide(finding("lib@svc").cve("CVE-2025-10003").cvss(V31_HIGH_C)
                .on(Criticality.MEDIUM, Exposure.INTERNAL).firstSeen("2025-08-20").build(), epss, kev, NOW);
        assertEquals(LocalDate.of(2025, 9, 19), tighter.deadline().date());
        assertEquals("internal SLA (Medium: 30 days)", tighter.deadline().rule());
        assertEquals("tight", tighter.policyId());
        assertEquals(2, tighter.policyVersion());
    }

    /** SLA days of a stricter organisation. */
    private static final class Map3 {
        final EnumMap<Tier, Integer> days = new EnumMap<>(Tier.class);

        Map3() {
            days.put(Tier.CRITICAL, 3);
            days.put(Tier.HIGH, 14);
            days.put(Tier.MEDIUM, 30);
            days.put(Tier.LOW, 60);
        }
    }

    @Test
    public void unknownFactsAreRecordedAsUnknownNeverGuessed() {
        Decision d = engine.decide(finding("bare").cve("CVE-2025-10002").build(), epss, kev, NOW);
        assertEquals("surface criticality unknown", factor(d, FactorKind.CRITICALITY).label());
        assertEquals(0, factor(d, FactorKind.CRITICALITY).contribution());
        assertEquals("surface exposure unknown", factor(d, FactorKind.EXPOSURE).label());
        assertEquals("no CVSS vector (policy assumes 20 points)", factor(d, FactorKind.CVSS).label());
        assertFalse(d.ssvc().exploitation().isKnown());
        assertFalse(d.ssvc().automatable().isKnown());
        assertFalse(d.ssvc().technicalImpact().isKnown());
        assertFalse(d.ssvc().missionPrevalence().isKnown());
        assertFalse(d.ssvc().determined());
        assertTrue(d.rationale(), d.rationale().contains("Not known: surface criticality unknown, surface exposure unknown."));
        DeadlineCandidate bod = d.deadline().candidates().get(0);
        assertEquals("BOD 26-04 undetermined (unknown exposure, automatable, technical impact)", bod.rule());
        assertNull(bod.date());
        assertEquals("rows [0, 2, 3, 4, 7, 9, 10, 14] remain possible: fix on system upgrade / 60 days / 14 days / 3 days",
                bod.basis());
        assertEquals("internal SLA (Medium: 90 days)", d.deadline().rule());
    }

    @Test
    public void ssvcTakesKevScopingAndTheCvss4VectorAsItsSources() {
        Decision d = engine.decide(finding("pan-gp").cve("CVE-2021-44228")
                .cvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AU:Y")
                .on(Criticality.HIGH, Exposure.INTERNET_FACING).build(), epss, kev, NOW);
        assertEquals(Exploitation.ACTIVE, d.ssvc().exploitation().value());
        assertEquals("KEV 2025.08.25 lists CVE-2021-44228", d.ssvc().exploitation().source());
        assertEquals(Automatable.YES, d.ssvc().automatable().value());
        assertEquals("CVSS:4.0 supplemental AU:Y", d.ssvc().automatable().source());
        assertEquals(TechnicalImpact.TOTAL, d.ssvc().technicalImpact().value());
        assertEquals("scoping: criticality High", d.ssvc().missionPrevalence().source());
        // support mission, public impact unknown: medium or high, and both give Act
        assertEquals(SsvcOutcome.ACT, d.ssvc().outcome());
        assertEquals("CVSS:4.0 CVSS-B 9.3 (Critical)", factor(d, FactorKind.CVSS).label());
    }

    @Test
    public void activeExploitationOutsideKevCountsAndActsAsKevForBod2604() {
        Decision d = engine.decide(finding("edge").cve("CVE-2025-10003").on(Criticality.MEDIUM, Exposure.INTERNET_FACING)
                .exploitation(Exploitation.ACTIVE).automatable(Automatable.YES).impact(TechnicalImpact.PARTIAL)
                .firstSeen("2025-08-30").build(), epss, kev, NOW);
        assertEquals(250, factor(d, FactorKind.EXPLOITATION).contribution());
        assertEquals(LocalDate.of(2025, 9, 2), d.deadline().date());
        assertTrue(d.deadline().rule(), d.deadline().rule().startsWith("BOD 26-04 row 11 (in KEV by active exploitation"));
    }

    @Test
    public void versionAwareCvssUsesTheNewestVersionAndItsEnvironmentalScore() {
        Decision d = engine.decide(finding("v").cvss("AV:N/AC:L/Au:N/C:C/I:C/A:C")
                .cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L").build(), epss, kev, NOW);
        Factor cvss = factor(d, FactorKind.CVSS);
        assertTrue(cvss.label(), cvss.label().startsWith("CVSS:3.1 environmental "));
        assertEquals("3.1", cvss.provenance().version());
        assertEquals("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L", cvss.provenance().note());
    }

    @Test
    public void aStaleFeedIsRecordedInEveryDecisionAndItsRationale() {
        Instant later = NOW.plus(Duration.ofDays(10));
        Decision d = engine.prioritise(List.of(finding("x").cve("CVE-2025-10002").build()), epss, kev, later).get(0);
        FeedUse epssUse = d.feeds().get(0);
        assertTrue(epssUse.stale());
        assertEquals("v2025.03.14", epssUse.version());
        assertTrue(d.rationale(), d.rationale().contains("EPSS feed v2025.03.14 is stale: 10 days old, policy allows 3."));
        assertEquals("stale: 10 days old, policy allows 3", factor(d, FactorKind.EPSS_PROBABILITY).provenance().note());
        Decision none = engine.prioritise(List.of(finding("x").cve("CVE-2025-10002").build()), null, null, NOW).get(0);
        assertEquals("EPSS: no feed given", none.feeds().get(0).describe());
        assertEquals("EPSS probability unknown", factor(none, FactorKind.EPSS_PROBABILITY).label());
        assertEquals("KEV status unknown", factor(none, FactorKind.KEV).label());
    }

    @Test
    public void anInvalidPolicyNamesEveryBadField() {
        PriorityPolicy p = PriorityPolicy.defaults();
        try {
            new PriorityPolicy("bad id!", 0, "", new BigDecimal("4.25"), p.cvssUnknownPoints(), p.epssMaxPoints(), 0,
                    95, p.epssPercentileBonus(), Duration.ZERO, p.kevPoints(), p.ransomwarePoints(), p.kevMaxAge(),
                    p.activeExploitationPoints(), p.publicPocPoints(), p.criticalityPoints(), p.exposurePoints(),
                    p.validationPoints(), p.controlMaxPoints(), p.tierThresholds(), p.regulatoryRules(), true, true,
                    p.slaDays(), false);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("id", "version", "cvss.weight", "epss.floor", "epss.percentileThreshold",
                    "epss.maxAge"), e.problems().stream().map(pr -> pr.field()).toList());
        }
    }

    @Test
    public void probabilitiesAreWrittenExactlyAsTheirPlainDecimal() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.parseDouble(String.format("%.5f", random.nextDouble()));
            assertEquals(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(), PriorityRules.plain(value));
        }
        assertEquals("0.00003", PriorityRules.plain(0.00003));
        for (double value : new double[]{0, 1, 0.1, 0.00001, 0.00042, 0.95, 0.123456789, 1e-9}) {
            assertEquals(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(), PriorityRules.plain(value));
        }
    }

    static PriorityPolicy withRules(RegulatoryRules rules) {
        PriorityPolicy p = PriorityPolicy.defaults();
        return new PriorityPolicy(p.id() + "-" + rules.name().toLowerCase(), 1, "", p.cvssWeight(),
                p.cvssUnknownPoints(), p.epssMaxPoints(), p.epssFloor(), p.epssPercentileThreshold(),
                p.epssPercentileBonus(), p.epssMaxAge(), p.kevPoints(), p.ransomwarePoints(), p.kevMaxAge(),
                p.activeExploitationPoints(), p.publicPocPoints(), p.criticalityPoints(), p.exposurePoints(),
                p.validationPoints(), p.controlMaxPoints(), p.tierThresholds(), rules, p.kevDueDate(), p.internalSla(),
                p.slaDays(), false);
    }
}
