package org.ctemcycles.core.scoring.ssvc;

import org.ctemcycles.core.priority.Bod2604;
import org.ctemcycles.core.scope.Criticality;
import org.junit.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/** The SSVC trees held as data equal CERT/CC's published tables, row by row; unknown inputs stay unknown. */
public class SsvcTablesTest {

    private final CisaCoordinatorTree tree = new CisaCoordinatorTree();

    static List<String[]> csv(String name) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SsvcTablesTest.class.getResourceAsStream("/ssvc/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static <T extends Enum<T>> T value(T[] values, String label) {
        for (T value : values) {
            if (new SsvcInput<>(value, "").label().equals(label)) {
                return value;
            }
        }
        throw new AssertionError("no value " + label);
    }

    @Test
    public void everyRowOfTheCoordinatorTreeMatchesCertCc() throws Exception {
        List<String[]> rows = csv("cisa_coordinator_2_0_3.csv");
        assertEquals(36, rows.size());
        for (String[] row : rows) {
            SsvcOutcome outcome = tree.outcome(value(Exploitation.values(), row[1]), value(Automatable.values(), row[2]),
                    value(TechnicalImpact.values(), row[3]), value(MissionWellBeing.values(), row[4]));
            assertEquals("row " + row[0], SsvcOutcome.fromTable(row[5]), outcome);
        }
    }

    @Test
    public void pinnedRowsAsALeadReadsThem() {
        assertEquals(SsvcOutcome.ACT, tree.outcome(Exploitation.ACTIVE, Automatable.YES, TechnicalImpact.TOTAL,
                MissionWellBeing.MEDIUM));
        assertEquals(SsvcOutcome.TRACK_STAR, tree.outcome(Exploitation.NONE, Automatable.NO, TechnicalImpact.TOTAL,
                MissionWellBeing.HIGH));
        assertEquals(SsvcOutcome.ATTEND, tree.outcome(Exploitation.ACTIVE, Automatable.YES, TechnicalImpact.PARTIAL,
                MissionWellBeing.LOW));
        assertEquals(SsvcOutcome.TRACK, tree.outcome(Exploitation.PUBLIC_POC, Automatable.YES, TechnicalImpact.TOTAL,
                MissionWellBeing.LOW));
        assertEquals("Track*", SsvcOutcome.TRACK_STAR.label());
    }

    @Test
    public void missionAndWellBeingFollowsCertCcsTable() throws Exception {
        List<String[]> rows = csv("mission-and-well-being_v1.csv");
        assertEquals(9, rows.size());
        for (String[] row : rows) {
            assertEquals(row[0] + "/" + row[1], value(MissionWellBeing.values(), row[2]),
                    MissionWellBeing.of(value(MissionPrevalence.values(), row[0]),
                            value(PublicWellBeingImpact.values(), row[1])));
        }
        assertEquals(MissionPrevalence.ESSENTIAL, MissionPrevalence.of(Criticality.CRITICAL));
        assertEquals(MissionPrevalence.SUPPORT, MissionPrevalence.of(Criticality.HIGH));
        assertEquals(MissionPrevalence.MINIMAL, MissionPrevalence.of(Criticality.LOW));
    }

    @Test
    public void everyRowOfBod2604MatchesCertCc() throws Exception {
        List<String[]> rows = csv("cisa_bod_26_04_1_0_0.csv");
        List<Bod2604.Row> ours = new Bod2604().rows();
        assertEquals(16, rows.size());
        assertEquals(16, ours.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            Bod2604.Row mine = ours.get(i);
            assertEquals(Integer.parseInt(row[0]), mine.row());
            assertEquals(row[1].equals("yes"), mine.inKev());
            assertEquals(row[2].equals("yes"), mine.exposed());
            assertEquals(value(Automatable.values(), row[3]), mine.automatable());
            assertEquals(value(TechnicalImpact.values(), row[4]), mine.impact());
            assertEquals(row[5], mine.timeline());
            assertEquals(List.of(mine), new Bod2604().matching(mine.inKev(), mine.exposed(), mine.automatable(),
                    mine.impact()));
        }
        Bod2604.Row forensic = new Bod2604().matching(true, true, Automatable.NO, TechnicalImpact.TOTAL).get(0);
        assertEquals(Integer.valueOf(3), forensic.days());
        assertTrue(forensic.forensic());
        assertNull(new Bod2604().matching(false, false, Automatable.NO, TechnicalImpact.TOTAL).get(0).days());
    }

    @Test
    public void unknownInputsAreRecordedAsUnknownAndTheRangeIsReported() {
        SsvcDecision decision = tree.decide(SsvcInput.known(Exploitation.ACTIVE, "KEV 2025.08.25 lists CVE-2021-44228"),
                SsvcInput.unknown("not given"), SsvcInput.known(TechnicalImpact.TOTAL, "finding"),
                SsvcInput.known(MissionPrevalence.ESSENTIAL, "scoping: criticality Critical"),
                SsvcInput.unknown("not given"));
        assertFalse(decision.automatable().isKnown());
        assertEquals("unknown", decision.automatable().label());
        // essential mission: Mission and Well-Being is high whatever the public impact; then automatable decides nothing
        assertEquals(MissionWellBeing.HIGH, decision.missionWellBeing().value());
        assertTrue(decision.determined());
        assertEquals(SsvcOutcome.ACT, decision.outcome());

        SsvcDecision open = tree.decide(SsvcInput.unknown("not in KEV"), SsvcInput.unknown("not given"),
                SsvcInput.unknown("not given"), SsvcInput.known(MissionPrevalence.MINIMAL, "scoping"),
                SsvcInput.known(PublicWellBeingImpact.MINIMAL, "finding"));
        assertFalse(open.determined());
        assertNull(open.outcome());
        assertEquals(EnumSet.of(SsvcOutcome.TRACK, SsvcOutcome.ATTEND), open.possible());
        assertEquals("Track..Attend (undetermined)", open.label());
        assertEquals(MissionWellBeing.LOW, open.missionWellBeing().value());

        SsvcDecision partial = tree.decide(SsvcInput.known(Exploitation.ACTIVE, "KEV"),
                SsvcInput.known(Automatable.YES, "finding"), SsvcInput.known(TechnicalImpact.TOTAL, "finding"),
                SsvcInput.known(MissionPrevalence.SUPPORT, "scoping"), SsvcInput.unknown("not given"));
        assertFalse(partial.missionWellBeing().isKnown());
        assertEquals("mission prevalence support, public well-being impact unknown: one of medium/high",
                partial.missionWellBeing().source());
        assertEquals(SsvcOutcome.ACT, partial.outcome());
    }
}
