package org.ctemcycles.store;

import org.ctemcycles.core.finding.Finding;
import org.ctemcycles.core.finding.FindingStatus;
import org.ctemcycles.core.mobilisation.RegisterEntry;
import org.ctemcycles.testing.CountingActiveObjects;
import org.ctemcycles.testing.TestDatabase;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Keys looked up by their range find exactly what IN lists find (ADR 039): a dense range is read in one statement
 * after its count, an empty one not read at all, a sparse one (a few keys of a large register) and keys that are not
 * one prefix and hexadecimal digits are looked up in IN lists; rows of another cycle inside the range are left out.
 * Through the register's status look-up, on H2 and PostgreSQL.
 */
@RunWith(Parameterized.class)
public class KeyRangeReaderTest {

    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    @Parameterized.Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return TestDatabase.parameters();
    }

    private final TestDatabase testDatabase;
    private TestDatabase.Opened opened;
    private CountingActiveObjects counting;
    private AoRegisterRepository register;

    public KeyRangeReaderTest(TestDatabase testDatabase) {
        this.testDatabase = testDatabase;
    }

    @Before
    public void openDatabase() {
        opened = testDatabase.open();
        counting = new CountingActiveObjects(opened.database().activeObjects());
        register = new AoRegisterRepository(counting.activeObjects());
    }

    @After
    public void closeDatabase() throws Exception {
        opened.close();
    }

    /** The finding keys of findings 0 .. n-1 (hexadecimal, in no particular order). */
    private static List<String> findingKeys(String seed, int n) {
        List<String> keys = new ArrayList<>();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < n; i++) {
                keys.add(Finding.keyOf(HexFormat.of().formatHex(sha.digest((seed + i).getBytes(StandardCharsets.UTF_8)))));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    private void enrol(String cycle, List<String> keys) {
        List<RegisterEntry> entries = keys.stream().map(k -> RegisterEntry.enrolled(cycle, k, AT)).toList();
        opened.database().activeObjects().executeInTransaction(() -> {
            register.insertAll(entries);
            return null;
        });
    }

    @Test
    public void aRegisterTheSizeOfTheKeysIsReadByRangeInTwoStatementsPerThousand() {
        List<String> keys = findingKeys("dense", 1_000);
        enrol("CTEM-A", keys);
        // another cycle whose keys sort among them: never in the answer
        enrol("CTEM-A-2", findingKeys("other", 300));
        counting.reset();
        Map<String, FindingStatus> statuses = register.statuses("CTEM-A", keys);
        assertEquals(new TreeSet<>(keys), new TreeSet<>(statuses.keySet()));
        assertEquals("a count and a range", 2, counting.total());
    }

    @Test
    public void keysOfACycleWithoutEntriesCostOneCount() {
        enrol("CTEM-B", findingKeys("present", 200));
        counting.reset();
        assertTrue(register.statuses("CTEM-A", findingKeys("absent", 1_000)).isEmpty());
        assertEquals(1, counting.total());
    }

    @Test
    public void aFewKeysOfALargeRegisterAreLookedUpInLists() {
        List<String> all = findingKeys("large", 3_000);
        enrol("CTEM-A", all);
        List<String> asked = new ArrayList<>(all.subList(0, 300));
        asked.addAll(findingKeys("missing", 60));
        counting.reset();
        Map<String, FindingStatus> statuses = register.statuses("CTEM-A", asked);
        assertEquals(new TreeSet<>(all.subList(0, 300)), new TreeSet<>(statuses.keySet()));
        assertEquals("the range holds ten rows a key: a count, then IN lists of 500", 2, counting.total());
    }

    @Test
    public void keysThatAreNotHexadecimalAfterOnePrefixAreLookedUpInLists() {
        List<String> keys = new ArrayList<>(findingKeys("mixed", 100));
        keys.add("F-not-hex-at-all");
        keys.add("F-UPPERCASE0000000");
        enrol("CTEM-A", keys);
        counting.reset();
        assertEquals(new TreeSet<>(keys), new TreeSet<>(register.statuses("CTEM-A", keys).keySet()));
        assertEquals("one IN list, no count", 1, counting.total());
    }

    @Test
    public void onlyOnePrefixFollowedByLowerCaseHexadecimalDigitsOfOneLengthIsARange() {
        assertTrue(KeyRangeReader.hexadecimalAfterOnePrefix(List.of("C-1/F-00af", "C-1/F-09ff", "C-1/F-a000")));
        assertTrue(KeyRangeReader.hexadecimalAfterOnePrefix(List.of("CTEM-1/0123abcd", "CTEM-1/ffff0000")));
        assertFalse("upper case", KeyRangeReader.hexadecimalAfterOnePrefix(List.of("C/F-00AF", "C/F-09ff")));
        assertFalse("lengths differ", KeyRangeReader.hexadecimalAfterOnePrefix(List.of("C/F-00a", "C/F-09ff")));
        assertFalse("prefixes differ", KeyRangeReader.hexadecimalAfterOnePrefix(List.of("A/F-00af", "B/F-09ff")));
        assertFalse("no prefix", KeyRangeReader.hexadecimalAfterOnePrefix(List.of("00af", "09ff")));
        assertFalse("nothing after it", KeyRangeReader.hexadecimalAfterOnePrefix(List.of("C/F-", "C/F-")));
    }
}
