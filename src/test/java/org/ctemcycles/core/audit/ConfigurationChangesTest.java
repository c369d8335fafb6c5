package org.ctemcycles.core.audit;

import org.ctemcycles.testing.DirectTransactions;
import org.ctemcycles.testing.InMemoryActivityLog;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The configuration's chain: a change logs only the fields that differ, before and after, and stores; the same
 * values log and store nothing; the chain verifies as a cycle's does, and only the configuration's chain may start
 * with a configuration change.
 */
public class ConfigurationChangesTest {

    private final InMemoryActivityLog log = new InMemoryActivityLog();
    private final ConfigurationChanges changes = new ConfigurationChanges(log, new DirectTransactions(),
            Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
    private final Map<String, String> stored = new LinkedHashMap<>(Map.of("groups", "leads"));

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private boolean change(Map<String, String> wanted) {
        return changes.change("JIRAUSER10000", "configuration:roles", () -> Map.copyOf(stored), wanted,
                () -> stored.putAll(wanted));
    }

    @Test
    public void aChangeLogsTheFieldsThatDifferBeforeAndAfterThenStores() {
        assertTrue(change(fields("groups", "leads", "role", "Security Lead")));
        assertEquals("Security Lead", stored.get("role"));
        List<LogEntry> chain = log.chain(LogRecord.CONFIGURATION_CHAIN);
        assertEquals(1, chain.size());
        assertEquals("CONFIGURATION_CHANGED", chain.get(0).action());
        assertEquals("{\"role\":\"\"}", chain.get(0).before());
        assertEquals("{\"role\":\"Security Lead\"}", chain.get(0).after());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), chain.get(0).at());

        assertFalse("the same values: nothing logged", change(fields("groups", "leads", "role", "Security Lead")));
        assertTrue(change(fields("groups", "appsec\nleads")));
        assertEquals(2, log.chain(LogRecord.CONFIGURATION_CHAIN).size());
        assertEquals(List.of(new StateText.Field("groups", "appsec\nleads")),
                StateText.fields(changes.recent(5).get(0).after()));
        assertEquals("newest first", 2, changes.recent(5).get(0).sequence());
        assertEquals(1, changes.recent(1).size());
        assertTrue(changes.verify().intact());
    }

    @Test
    public void onlyTheConfigurationsChainMayStartWithAConfigurationChange() {
        LogEntry first = LogChain.link(new LogRecord("CTEM-1", Instant.parse("2026-12-06T10:00:00Z"), "admin",
                LogAction.CONFIGURATION_CHANGED, "configuration:roles", "{}", "{}"), 1, LogChain.GENESIS);
        ChainReport cycle = ChainVerifier.verify("CTEM-1", List.of(first), new ChainHead("CTEM-1", 1, first.hash()));
        assertFalse("a cycle's log must start with its opening", cycle.intact());
        assertEquals(ChainReport.Kind.NOT_OPENED, cycle.firstBreak().kind());
    }
}
