package org.ctemcycles.core.priority;

import org.ctemcycles.core.scoring.ssvc.Automatable;
import org.ctemcycles.core.scoring.ssvc.TechnicalImpact;

import java.util.ArrayList;
import java.util.List;

/**
 * CISA BOD 26-04's remediation timelines as data: the 16 rows of CERT/CC's {@code cisa_bod_26_04_1_0_0.csv}
 * (In KEV x Asset Exposure x Automatable x Technical Impact), in the CSV's row order. Stateless.
 */
public final class Bod2604 {

    /** Row, in KEV, exposed, automatable, technical impact, timeline (as CERT/CC writes it). */
    private static final String[] TABLE = {
        "0  | no  | no  | no  | partial | fix on system upgrade",
        "1  | yes | no  | no  | partial | 14 days",
        "2  | no  | yes | no  | partial | 60 days",
        "3  | no  | no  | yes | partial | 60 days",
        "4  | no  | no  | no  | total   | fix on system upgrade",
        "5  | yes | yes | no  | partial | 14 days",
        "6  | yes | no  | yes | partial | 14 days",
        "7  | no  | yes | yes | partial | 14 days",
        "8  | yes | no  | no  | total   | 14 days",
        "9  | no  | yes | no  | total   | 14 days",
        "10 | no  | no  | yes | total   | 60 days",
        "11 | yes | yes | yes | partial | 3 days",
        "12 | yes | yes | no  | total   | 3 days & forensic investigation",
        "13 | yes | no  | yes | total   | 3 days & forensic investigation",
        "14 | no  | yes | yes | total   | 3 days",
        "15 | yes | yes | yes | total   | 3 days & forensic investigation",
    };

    /**
     * One row.
     *
     * @param days     the days to remediate, or null for "fix on system upgrade"
     * @param timeline the timeline as CERT/CC writes it
     */
    public record Row(int row, boolean inKev, boolean exposed, Automatable automatable, TechnicalImpact impact,
                      Integer days, boolean forensic, String timeline) {
    }

    private final List<Row> rows = new ArrayList<>();

    public Bod2604() {
        for (String line : TABLE) {
            String[] cells = line.split("\\|");
            String timeline = cells[5].strip();
            Integer days = timeline.startsWith("fix on system upgrade") ? null
                    : Integer.valueOf(timeline.substring(0, timeline.indexOf(' ')));
            rows.add(new Row(Integer.parseInt(cells[0].strip()), yes(cells[1]), yes(cells[2]),
                    yes(cells[3]) ? Automatable.YES : Automatable.NO,
                    cells[4].strip().equals("total") ? TechnicalImpact.TOTAL : TechnicalImpact.PARTIAL,
                    days, timeline.contains("forensic"), timeline));
        }
    }

    private static boolean yes(String cell) {
        return cell.strip().equals("yes");
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * The rows that match; a null input is unknown and matches both of its values. One row when everything is known.
     */
    public List<Row> matching(boolean inKev, Boolean exposed, Automatable automatable, TechnicalImpact impact) {
        List<Row> found = new ArrayList<>(2);
        for (Row row : rows) {
            if (row.inKev == inKev && (exposed == null || row.exposed == exposed)
                    && (automatable == null || row.automatable == automatable)
                    && (impact == null || row.impact == impact)) {
                found.add(row);
            }
        }
        return found;
    }

    /** The most urgent of some rows: the fewest days (a date beats "fix on system upgrade"), forensic first on a tie. */
    public static Row mostUrgent(List<Row> rows) {
        Row best = null;
        for (Row row : rows) {
            if (best == null || urgency(row) > urgency(best)) {
                best = row;
            }
        }
        return best;
    }

    private static int urgency(Row row) {
        return row.days == null ? 0 : (100_000 - row.days * 10) + (row.forensic ? 1 : 0);
    }
}
