package org.ctemcycles.core.mobilisation;

import org.ctemcycles.core.audit.LogAction;
import org.ctemcycles.core.audit.LogEntry;
import org.ctemcycles.core.cadence.GateOverride;
import org.ctemcycles.core.common.InvalidInputException;
import org.ctemcycles.core.common.NotFoundException;
import org.ctemcycles.core.common.Problem;
import org.ctemcycles.core.cycle.Stage;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.AcceptanceDraft;
import org.ctemcycles.core.mobilisation.MobilisationDraft;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.core.mobilisation.TrackerIssue;
import org.ctemcycles.core.validation.ValidationDraft;
import org.ctemcycles.core.validation.ValidationOutcome;
import org.ctemcycles.core.validation.ValidationRecord;
import org.ctemcycles.testing.InMemoryRecordTest;
import org.junit.Before;
import org.junit.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.ctemcycles.testing.InMemoryCycleRecord.LEAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The rules of a cycle's register, over in-memory ports: findings entering it, validation records and the statuses they set,
 * mobilisation into the in-memory tracker, status transitions by hand, risk acceptance and its scheduled expiry.
 */
public class RegisterRulesTest extends InMemoryRecordTest {

    public RegisterRulesTest() {
        super("2026-07-02");
    }

    @Before
    public void open() {
        fixture.open("CTEM-1");
        record.mobilisation().enrol("CTEM-1", List.of("F-1", "F-2", "F-3"), "importer");
    }

    private static MobilisationDraft mobilisation(String owner) {
        return new MobilisationDraft(owner, "2026-08-01", "CHG-1001", "vendor patch 4.2", "rerun the ZAP scan");
    }

    private List<LogEntry> logged(LogAction action) {
        return logged("CTEM-1", action);
    }

    @Test
    public void findingsEnterTheRegisterOnceAndInOneLogEntry() {
        List<RegisterEntry> added = record.mobilisation().enrol("CTEM-1", List.of("F-3", "F-4", " F-4 "), "importer");
        assertEquals(List.of("F-4"), added.stream().map(RegisterEntry::findingKey).toList());
        List<RegisterEntry> register = record.mobilisation().register("ctem-1");
        assertEquals(List.of("F-1", "F-2", "F-3", "F-4"), register.stream().map(RegisterEntry::findingKey).toList());
        assertTrue(register.stream().allMatch(e -> e.status() == FindingStatus.OPEN && !e.mobilised()));
        List<LogEntry> enrolled = logged(LogAction.FINDINGS_ENROLLED);
        assertEquals(2, enrolled.size());
        assertEquals("{\"count\":\"1\",\"findings\":\"F-4\"}", enrolled.get(1).after());
        assertEquals(List.of(), record.mobilisation().enrol("CTEM-1", List.of("F-1"), "importer"));
        assertEquals("nothing new, nothing logged", 2, logged(LogAction.FINDINGS_ENROLLED).size());
    }

    @Test
    public void badFindingKeysAreNamedByPosition() {
        try {
            record.mobilisation().enrol("CTEM-1", List.of("F-9", "two words", ""), "importer");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("findings[2]", "findings[3]"), e.problems().stream().map(Problem::field).toList());
            assertTrue(e.getMessage(), e.getMessage().contains("contains a space or control character at offset 3"));
        }
        assertEquals(3, record.mobilisation().register("CTEM-1").size());
    }

    @Test
    public void aValidationIsRecordedWithEverythingAndMovesTheStatus() {
        fixture.clock.advance(Duration.ofHours(3));
        ValidationRecord recorded = record.validation().record("CTEM-1", "F-2", new ValidationDraft(
                "Attack-path analysis", "not exploitable", "WAF blocks the only path",
                List.of("confluence:SEC-42", "https://evidence.example.com/f2 report.pdf")), "tester");
        assertEquals(List.of(recorded), record.validation().list("CTEM-1"));
        assertEquals(List.of(recorded), record.validation().history("F-2"));
        assertEquals(FindingStatus.OPEN, recorded.statusBefore());
        assertEquals(FindingStatus.FALSE_POSITIVE, recorded.statusAfter());
        assertEquals("tester", recorded.validatedBy());
        assertEquals(fixture.clock.instant(), recorded.validatedAt());
        assertEquals(List.of("confluence:SEC-42", "https://evidence.example.com/f2 report.pdf"),
                recorded.evidenceRefs());
        assertEquals(FindingStatus.FALSE_POSITIVE, record.mobilisation().entry("CTEM-1", "F-2").status());
        assertEquals(Map.of("F-2", ValidationOutcome.NOT_EXPLOITABLE), record.validation().latestOutcomes("CTEM-1"));
        LogEntry validated = logged(LogAction.VALIDATION_RECORDED).get(0);
        assertEquals("finding:F-2", validated.subject());
        assertTrue(validated.after(), validated.after().contains("\"outcome\":\"NOT_EXPLOITABLE\""));
        LogEntry status = logged(LogAction.STATUS_CHANGED).get(0);
        assertEquals("{\"status\":\"OPEN\"}", status.before());
        assertTrue(status.after(), status.after().startsWith("{\"status\":\"FALSE_POSITIVE\",\"cause\":\"VALIDATION\""));
    }

    @Test
    public void aRetestPassesOrFailsAndNothingElse() {
        try {
            record.validation().record("CTEM-1", "F-1", new ValidationDraft("retest", "exploitable-confirmed", "",
                    List.of()), "tester");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("outcome", "a retest passes or fails (retest-passed, retest-failed),"
                    + " it does not find 'exploitable-confirmed'")), e.problems());
        }
        try {
            record.validation().record("CTEM-1", "F-1", new ValidationDraft("manual test", "retest-passed", "",
                    List.of()), "tester");
            fail();
        } catch (InvalidInputException e) {
            assertEquals("outcome: 'retest-passed' is the outcome of a retest, not of a manual test", e.getMessage());
        }
        try {
            record.validation().record("CTEM-1", "F-1", new ValidationDraft("", "guess", "", List.of()), "tester");
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of("method", "outcome"), e.problems().stream().map(Problem::field).toList());
        }
        assertEquals(List.of(), record.validation().list("CTEM-1"));
        try {
            record.validation().record("CTEM-1", "F-404", new ValidationDraft("retest", "retest-passed", "",
                    List.of()), "tester");
            fail();
        } catch (NotFoundException e) {
            assertEquals("finding 'F-404' is not in the register of cycle CTEM-1", e.getMessage());
        }
    }

    @Test
    public void aFixIsClosedOnlyByAPassedRetestAndAFailedOneReopensIt() {
        record.mobilisation().mobilise("CTEM-1", "F-1", mobilisation("bob"), LEAD);
        record.mobilisation().changeStatus("CTEM-1", "F-1", "resolved", "patched", "bob");
        try {
            record.mobilisation().changeStatus("CTEM-1", "F-1", "verified", "", "bob");
            fail();
        } catch (InvalidInputException e) {
            assertEquals("status: finding F-1 is Resolved: only a passed retest or a discovery run that covered the"
                    + " surface verifies a finding; a fix is not closure", e.getMessage());
        }
        assertEquals(FindingStatus.REOPENED, record.validation().record("CTEM-1", "F-1", new ValidationDraft(
                "retest", "retest-failed", "still vulnerable", List.of()), "tester").statusAfter());
        record.mobilisation().changeStatus("CTEM-1", "F-1", "resolved", "second patch", "bob");
        assertEquals(FindingStatus.VERIFIED, record.validation().record("CTEM-1", "F-1", new ValidationDraft(
                "retest", "retest-passed", "", List.of()), "tester").statusAfter());
        assertEquals(FindingStatus.VERIFIED, record.mobilisation().entry("CTEM-1", "F-1").status());
    }

    @Test
    public void aCoveringDiscoveryRunVerifiesByAbsenceAndReopensWhatItSeesAgain() {
        record.mobilisation().changeStatus("CTEM-1", "F-1", "resolved", "patched", "bob");
        RegisterEntry verified = record.mobilisation().discoveryOutcome("CTEM-1", "F-1", false, "RUN-7", "importer")
                .orElseThrow();
        assertEquals(FindingStatus.VERIFIED, verified.status());
        assertTrue(logged(LogAction.STATUS_CHANGED).get(1).after().contains("no longer seen by discovery run RUN-7"));
        assertEquals(FindingStatus.REOPENED, record.mobilisation().discoveryOutcome("CTEM-1", "F-1", true, "RUN-8",
                "importer").orElseThrow().status());
        assertEquals("an open finding seen again stays as it is", java.util.Optional.empty(),
                record.mobilisation().discoveryOutcome("CTEM-1", "F-2", true, "RUN-8", "importer"));
        record.mobilisation().changeStatus("CTEM-1", "F-3", "false positive", "lab host", "bob");
        assertEquals(java.util.Optional.empty(), record.mobilisation().discoveryOutcome("CTEM-1", "F-3", false,
                "RUN-8", "importer"));
    }

    @Test
    public void mobilisationOpensOneTrackerIssuePerFindingAndLogsAnOwnerChange() {
        RegisterEntry first = record.mobilisation().mobilise("CTEM-1", "F-1", mobilisation("bob"), LEAD);
        assertEquals("SEC-1", first.trackerIssue());
        assertEquals("bob", first.owner());
        assertEquals(LocalDate.parse("2026-08-01"), first.deadline());
        assertEquals("CHG-1001", first.changeRecord());
        assertEquals("vendor patch 4.2", first.dependency());
        assertEquals("rerun the ZAP scan", first.verificationStep());
        TrackerIssue issue = fixture.tracker.find("SEC-1").orElseThrow();
        assertEquals("bob", issue.assignee());
        assertEquals("F-1", issue.findingKey());

        RegisterEntry again = record.mobilisation().mobilise("CTEM-1", "F-1", new MobilisationDraft("carol",
                "2026-08-15", "CHG-1001", "", "rerun the ZAP scan"), LEAD);
        assertEquals("the same issue, updated", "SEC-1", again.trackerIssue());
        assertEquals(1, fixture.tracker.issues().size());
        assertEquals("carol", fixture.tracker.find("SEC-1").orElseThrow().assignee());
        assertEquals(again, record.mobilisation().entry("CTEM-1", "F-1"));
        List<LogEntry> owners = logged(LogAction.OWNER_CHANGED);
        assertEquals(1, owners.size());
        assertEquals("{\"owner\":\"bob\"}", owners.get(0).before());
        assertEquals("{\"owner\":\"carol\"}", owners.get(0).after());
        assertEquals(2, logged(LogAction.MOBILISED).size());
        record.mobilisation().mobilise("CTEM-1", "F-1", new MobilisationDraft("carol", "2026-08-15", "CHG-1001", "",
                "rerun the ZAP scan"), LEAD);
        assertEquals("an unchanged mobilisation logs nothing", 2, logged(LogAction.MOBILISED).size());
    }

    @Test
    public void mobilisationNamesEveryMissingPart() {
        try {
            record.mobilisation().mobilise("CTEM-1", "F-1", new MobilisationDraft(" ", "31/08/2026", null, null, ""),
                    LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("owner", "is required"),
                    new Problem("deadline", "'31/08/2026' is not a date of the form YYYY-MM-DD"),
                    new Problem("verificationStep", "is required")), e.problems());
        }
        assertTrue(fixture.tracker.issues().isEmpty());
    }

    @Test
    public void manualTransitionsFollowTheLifecycleAndDismissalsNeedANote() {
        record.mobilisation().changeStatus("CTEM-1", "F-3", "in-progress", "", "bob");
        try {
            record.mobilisation().changeStatus("CTEM-1", "F-3", "false positive", "", "bob");
            fail();
        } catch (InvalidInputException e) {
            assertEquals("note: is required to mark a finding false positive (say why)", e.getMessage());
        }
        record.mobilisation().changeStatus("CTEM-1", "F-3", "false positive", "test host only", "bob");
        try {
            record.mobilisation().changeStatus("CTEM-1", "F-3", "in progress", "", "bob");
            fail();
        } catch (InvalidInputException e) {
            assertEquals("status: finding F-3 is False positive: a finding cannot go from False positive to In"
                    + " progress", e.getMessage());
        }
        try {
            record.mobilisation().changeStatus("CTEM-1", "F-3", "closed", "", "bob");
            fail();
        } catch (InvalidInputException e) {
            assertEquals("status: 'closed' is not one of open, in-progress, resolved, verified, reopened,"
                    + " risk-accepted, false-positive", e.getMessage());
        }
    }

    @Test
    public void riskAcceptanceNeedsOwnerControlAndAFutureExpiry() {
        try {
            record.mobilisation().acceptRisk("CTEM-1", "F-2", new AcceptanceDraft("", "", "2026-07-02"), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertEquals(List.of(new Problem("owner", "is required"), new Problem("compensatingControl", "is required"),
                    new Problem("expiry", "the acceptance must run past today (2026-07-02); 2026-07-02 is not after"
                            + " it")), e.problems());
        }
        RegisterEntry accepted = record.mobilisation().acceptRisk("CTEM-1", "F-2", new AcceptanceDraft("carol",
                "network ACL limits access to the jump host", "2026-07-31"), LEAD);
        assertEquals(FindingStatus.RISK_ACCEPTED, accepted.status());
        assertEquals("carol", accepted.acceptance().owner());
        assertEquals(LocalDate.parse("2026-07-31"), accepted.acceptance().expiry());
        assertEquals(accepted, record.mobilisation().entry("CTEM-1", "F-2"));
        LogEntry logged = logged(LogAction.RISK_ACCEPTED).get(0);
        assertTrue(logged.after(), logged.after().contains("\"compensatingControl\":\"network ACL limits access to"
                + " the jump host\",\"expiry\":\"2026-07-31\""));
        try {
            record.mobilisation().mobilise("CTEM-1", "F-2", mobilisation("bob"), LEAD);
            fail();
        } catch (InvalidInputException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("reopen it to end the acceptance"));
        }
    }

    @Test
    public void theScheduledCheckReopensExpiredAcceptancesOnly() {
        record.mobilisation().acceptRisk("CTEM-1", "F-1", new AcceptanceDraft("carol", "WAF", "2026-07-31"), LEAD);
        record.mobilisation().acceptRisk("CTEM-1", "F-2", new AcceptanceDraft("carol", "WAF", "2026-08-31"), LEAD);
        fixture.clock.setDay("2026-07-31");
        assertEquals("an acceptance holds through its expiry day", List.of(),
                record.mobilisation().reactivateExpiredAcceptances("scheduler"));
        fixture.clock.setDay("2026-08-01");
        List<RegisterEntry> reopened = record.mobilisation().reactivateExpiredAcceptances("scheduler");
        assertEquals(List.of("F-1"), reopened.stream().map(RegisterEntry::findingKey).toList());
        RegisterEntry f1 = record.mobilisation().entry("CTEM-1", "F-1");
        assertEquals(FindingStatus.REOPENED, f1.status());
        assertNull(f1.acceptance());
        assertEquals(FindingStatus.RISK_ACCEPTED, record.mobilisation().entry("CTEM-1", "F-2").status());
        LogEntry expired = logged(LogAction.ACCEPTANCE_EXPIRED).get(0);
        assertEquals("scheduler", expired.actor());
        assertTrue(expired.before(), expired.before().contains("\"expiry\":\"2026-07-31\""));
        assertTrue(expired.after(), expired.after().contains("risk acceptance expired on 2026-07-31"));
        assertEquals("a second run finds nothing", List.of(),
                record.mobilisation().reactivateExpiredAcceptances("scheduler"));
    }

    @Test
    public void aClosedCyclesAcceptancesAreLeftToItsSuccessor() {
        record.mobilisation().acceptRisk("CTEM-1", "F-1", new AcceptanceDraft("carol", "WAF", "2026-07-31"), LEAD);
        for (Stage stage : List.of(Stage.DISCOVERY, Stage.PRIORITISATION, Stage.VALIDATION, Stage.MOBILISATION)) {
            record.stages().advance("CTEM-1", stage, new GateOverride("register test"), LEAD);
        }
        record.closure().close("CTEM-1", new GateOverride("register test"), LEAD);
        fixture.clock.setDay("2026-09-01");
        assertEquals(List.of(), record.mobilisation().reactivateExpiredAcceptances("scheduler"));
        assertEquals(FindingStatus.RISK_ACCEPTED, record.mobilisation().entry("CTEM-1", "F-1").status());
        try {
            record.mobilisation().changeStatus("CTEM-1", "F-3", "in progress", "", "bob");
            fail("a closed cycle's register is frozen");
        } catch (InvalidInputException e) {
            assertEquals("cycle: cycle CTEM-1 is closed; its record is frozen", e.getMessage());
        }
    }
}
