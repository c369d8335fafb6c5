package org.ctemcycles.core.evidence;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.junit.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Which register entry an issue shows: the newest enrolment of those naming it (a handed-over finding keeps it). */
public class FindingRecordsByIssueTest {

    private final List<String> asked = new ArrayList<>();

    private FindingRecords records(List<RegisterEntry> entries) {
        return new FindingRecords(null, null, new FindingRecordSource() {
            @Override
            public List<RegisterEntry> trackedBy(String issueId, String issueKey) {
                asked.add(issueId + "/" + issueKey);
                return entries;
            }

            @Override
            public Optional<Finding> finding(RegisterEntry entry) {
                throw new AssertionError("not asked");
            }

            @Override
            public QueuePlace queuePlace(String cycleKey, String findingKey) {
                throw new AssertionError("not asked");
            }
        });
    }

    private static RegisterEntry entry(String cycle, String enrolled) {
        Instant at = Instant.parse(enrolled);
        return new RegisterEntry(cycle, "F-0123456789abcdef", FindingStatus.IN_PROGRESS, "dave", null, "", "",
                "retest", "SEC-7", null, "", at, at);
    }

    @Test
    public void theNewestEnrolmentNamingTheIssueIsWhereItsWorkIsNow() {
        RegisterEntry q3 = entry("CTEM-Q3", "2026-07-02T00:00:00Z");
        RegisterEntry q4 = entry("CTEM-Q4", "2026-10-01T00:00:00Z").carriedInto("CTEM-Q4",
                Instant.parse("2026-10-01T00:00:00Z"));
        assertEquals("CTEM-Q4", records(List.of(q3, q4)).trackedBy(null, " SEC-7 ").orElseThrow().cycleKey());
        assertEquals("the key is trimmed before it is looked up", List.of("null/SEC-7"), asked);
        assertEquals("CTEM-Q4", records(List.of(q4, q3)).trackedBy(10007L, "SEC-7").orElseThrow().cycleKey());
    }

    @Test
    public void anIssueNoFindingWasMobilisedIntoHasNoEntryAndABlankKeyIsNotLookedUp() {
        assertTrue(records(List.of()).trackedBy(null, "SEC-8").isEmpty());
        assertTrue(records(List.of(entry("CTEM-Q3", "2026-07-02T00:00:00Z"))).trackedBy(null, " ").isEmpty());
        assertTrue(records(List.of()).trackedBy(null, null).isEmpty());
        assertEquals(List.of("null/SEC-8"), asked);
    }
}
