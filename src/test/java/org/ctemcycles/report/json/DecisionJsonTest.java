package org.ctemcycles.report.json;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ctemcycles.core.priority.Deadline;
import org.ctemcycles.core.priority.DeadlineCandidate;
import org.ctemcycles.core.priority.Decision;
import org.ctemcycles.core.priority.Factor;
import org.ctemcycles.core.priority.FactorKind;
import org.ctemcycles.core.priority.FeedUse;
import org.ctemcycles.core.priority.PriorityEngine;
import org.ctemcycles.core.priority.PriorityPolicy;
import org.ctemcycles.core.priority.Provenance;
import org.ctemcycles.core.priority.Tier;
import org.ctemcycles.core.scope.Criticality;
import org.ctemcycles.core.scope.Exposure;
import org.ctemcycles.core.scoring.Freshness;
import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.Exploitation;
import org.ctemcycles.core.scoring.ssvc.MissionPrevalence;
import org.ctemcycles.core.scoring.ssvc.MissionWellBeing;
import org.ctemcycles.core.scoring.ssvc.PublicWellBeingImpact;
import org.ctemcycles.core.scoring.ssvc.SsvcDecision;
import org.ctemcycles.core.scoring.ssvc.SsvcInput;
import org.ctemcycles.core.scoring.ssvc.SsvcOutcome;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.junit.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.ctemcycles.core.priority.Facts.finding;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The one encoding of a decision (ADR 021): what the store keeps and the API shows reads back equal. */
public class DecisionJsonTest {

    private static final Instant NOW = Instant.parse("2026-09-30T10:15:30.123Z");
    private final DecisionJson json = new DecisionJson();

    @Test
    public void everyDecisionRoundTripsExactly() {
        List<Decision> decisions = new ArrayList<>(List.of(everyFieldSet(), nothingKnown()));
        decisions.addAll(PriorityEngine.of(PriorityPolicy.defaults()).prioritise(List.of(
                finding("F-1").cve("CVE-2021-44228").cvss("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")
                        .on(Criticality.CRITICAL, Exposure.INTERNET_FACING).control("WAF", "-5", "CHG-77 \u2018rule\u2019")
                        .build(),
                finding("F-2").cvss("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                        .on(Criticality.LOW, Exposure.INTERNAL).firstSeen("2025-08-01")
                        .validated(ValidationOutcome.NOT_EXPLOITABLE).build(),
                finding("F-3").build()), null, null, NOW));
        for (Decision d : decisions) {
            String text = json.encode(d);
            assertEquals(text, d, json.decode(text));
            assertEquals("stable text", text, json.encode(json.decode(text)));
        }
    }

    @Test
    public void theApiLineIsTheStoredFormWithRankAndRationale() {
        Decision d = everyFieldSet();
        JsonObject line = DecisionJson.toJson(7, d);
        JsonObject stored = JsonParser.parseString(json.encode(d)).getAsJsonObject();
        assertEquals(7, line.get("rank").getAsInt());
        assertEquals(d.rationale(), line.get("rationale").getAsString());
        line.remove("rank");
        line.remove("rationale");
        assertEquals(stored, line);
        assertEquals(d, json.decode(line.toString()));
        assertEquals("87.5", stored.get("score").getAsString());
        assertEquals("Act", stored.getAsJsonObject("ssvc").get("outcome").getAsString());
        assertEquals("public poc", stored.getAsJsonObject("ssvc").getAsJsonObject("exploitation").get("value")
                .getAsString());
    }

    @Test
    public void textThatIsNoDecisionIsRefusedNamingWhatIsWrong() {
        String good = json.encode(everyFieldSet());
        assertRefused("{", "not an encoded decision");
        assertRefused(good.replace("\"tier\"", "\"rank\""), "'tier'");
        assertRefused(good.replace("\"public poc\"", "\"sometimes\""), "ssvc.exploitation");
        assertRefused(good.replace("\"87.5\"", "\"87.55\"").replace(":87.5,", ":87.55,"), "not an encoded decision");
    }

    private void assertRefused(String text, String expected) {
        try {
            json.decode(text);
            fail("accepted " + text);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }

    private static Decision everyFieldSet() {
        Provenance kev = new Provenance("KEV", "2025.08.25", "2025-08-25T16:00:00Z", "fresh: 1 day old");
        List<Factor> factors = List.of(
                new Factor(FactorKind.KEV, 250, "in CISA KEV (CVE-2024-1)", "", kev),
                new Factor(FactorKind.CVSS, 725, "CVSS 3.1 base 9.8", "", Provenance.of("CVSS")),
                new Factor(FactorKind.CONTROL, -100, "WAF virtual patch", "change CHG-1234, \"quoted\"",
                        Provenance.of("finding")));
        SsvcDecision ssvc = new SsvcDecision(SsvcInput.known(Exploitation.PUBLIC_POC, "finding"),
                SsvcInput.known(Automatable.YES, "policy"), SsvcInput.known(TechnicalImpact.TOTAL, "CVSS"),
                SsvcInput.known(MissionPrevalence.ESSENTIAL, "scoping"),
                SsvcInput.known(PublicWellBeingImpact.MATERIAL, "finding"),
                SsvcInput.known(MissionWellBeing.HIGH, "table"), EnumSet.of(SsvcOutcome.ACT));
        Deadline deadline = new Deadline(LocalDate.of(2025, 9, 8), "BOD 26-04 row 11", "KEV dateAdded + 14 days",
                true, true, List.of(new DeadlineCandidate("BOD 26-04 row 11", LocalDate.of(2025, 9, 8),
                        "KEV dateAdded + 14 days", true), new DeadlineCandidate("internal SLA", null, "none", false)));
        List<FeedUse> feeds = List.of(new FeedUse("KEV", "2025.08.25", "2025-08-25", "kev.json",
                new Freshness(Instant.parse("2025-08-25T00:00:00Z"), NOW, Duration.ofDays(3))),
                new FeedUse("EPSS", "", "", "", null));
        return new Decision("F-0123456789abcdef", 875, Tier.CRITICAL, ssvc, deadline, factors, feeds, "default", 3,
                NOW);
    }

    private static Decision nothingKnown() {
        SsvcDecision ssvc = new SsvcDecision(SsvcInput.unknown("no CVE"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("no vector"), SsvcInput.unknown("no criticality"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("inputs unknown"), EnumSet.of(SsvcOutcome.TRACK, SsvcOutcome.ATTEND));
        return new Decision("F-0", 0, Tier.LOW, ssvc, new Deadline(null, "", "", false, false, List.of()),
                List.of(new Factor(FactorKind.EXPOSURE, 0, "exposure unknown", null, Provenance.of("scoping"))),
                List.of(), "default", 1, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    public void unknownInputsStayUnknown() {
        Decision d = json.decode(json.encode(nothingKnown()));
        assertFalse(d.ssvc().exploitation().isKnown());
        assertEquals("no CVE", d.ssvc().exploitation().source());
    }
}
