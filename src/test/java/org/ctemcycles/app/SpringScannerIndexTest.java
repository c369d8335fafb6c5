package org.ctemcycles.app;

import org.ctemcycles.testing.BundleClasses;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * No Spring Scanner build plugin exists on Maven Central, so the index files Jira reads are kept by hand in
 * src/main/resources/META-INF/plugin-components; this test makes them equal to what the annotations say.
 */
public class SpringScannerIndexTest {

    static final Path INDEX = Path.of("src/main/resources/META-INF/plugin-components");

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    public void componentIndexListsExactlyTheAnnotatedComponents() throws IOException {
        List<String> lines = lines(INDEX.resolve("component"));
        assertWellFormed(lines);
        assertEquals("edit META-INF/plugin-components/component to match", BundleClasses.expectedComponents(),
                new TreeSet<>(lines));
    }

    @Test
    public void importIndexListsExactlyTheImportedServices() throws IOException {
        List<String> lines = lines(INDEX.resolve("imports"));
        assertWellFormed(lines);
        assertEquals("edit META-INF/plugin-components/imports to match", BundleClasses.expectedImports(),
                new TreeSet<>(lines));
    }

    @Test
    public void theScanFindsWhatTheAppIsKnownToHave() {
        assertTrue(BundleClasses.expectedComponents().contains("org.ctemcycles.jira.CtemServices"));
        assertTrue(BundleClasses.expectedImports().contains("com.atlassian.activeobjects.external.ActiveObjects"));
    }

    @Test
    public void noExportsAreDeclaredWithoutAnIndex() {
        assertFalse("exports need an exports index file", Files.exists(INDEX.resolve("exports")));
    }

    /** The runtime reads the files line by line: no blank lines, no duplicates, no stray spaces. */
    private static void assertWellFormed(List<String> lines) {
        Set<String> seen = new TreeSet<>();
        for (String line : lines) {
            assertFalse("blank line", line.isBlank());
            assertEquals("stray whitespace in '" + line + "'", line.strip(), line);
            assertTrue("duplicate " + line, seen.add(line));
        }
    }
}
