package org.ctemcycles.mirrorcheck;

import org.ctemcycles.mirrorcheck.MirrorCheck.Result;
import org.ctemcycles.mirrorcheck.MirrorCheck.Status;
import org.ctemcycles.mirrorcheck.MirrorCheck.Use;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The mirror check over a small app written for it (src/test/resources/mirror-check): each line marked
 * {@code // expect: STATUS KIND Type#member} must get that verdict, and nothing else may be judged a mismatch. This is
 * what makes scripts/check-mirror's "no mismatch" over the public Jira 11 apps mean something: the same check finds
 * a wrong argument type, a wrong result type, an annotation the mirror does not allow there, an override of a method
 * the mirror declares otherwise and a missing abstract method.
 */
public class MirrorCheckTest {

    private static final Pattern EXPECT = Pattern.compile("// expect: (\\w+) (\\w+) ([\\w.]+(?:#[\\w<>]+)?)");
    private static Path app;
    private static Result result;

    @BeforeClass
    public static void check() throws IOException, URISyntaxException {
        app = Path.of(MirrorCheckTest.class.getResource("/mirror-check/app").toURI());
        List<String> classPath = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        MirrorCheck check = new MirrorCheck(MirrorCheck.mirroredTypes(Path.of("platform-api/src/main/java")),
                classPath);
        result = check.check("test app", app);
    }

    @Test
    public void everyMarkedUseGetsItsVerdict() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Use use : result.uses()) {
            found.add(key(use.status().name(), use.kind().name(), simple(use.type())
                    + (use.member() == null ? "" : "#" + use.member()), use.file(), use.line()));
        }
        Set<String> expected = expectations();
        assertEquals(expected.toString(), 13, expected.size());
        for (String expectation : expected) {
            assertTrue("missing " + expectation + "\nfound: " + String.join("\n", found), found.contains(expectation));
        }
    }

    @Test
    public void onlyTheMarkedMismatchesAreReported() throws IOException {
        Set<String> mismatches = new TreeSet<>();
        for (Use use : result.with(Status.MISMATCH)) {
            mismatches.add(key(use.status().name(), use.kind().name(), simple(use.type())
                    + (use.member() == null ? "" : "#" + use.member()), use.file(), use.line()));
        }
        Set<String> expected = new TreeSet<>(expectations());
        expected.removeIf(e -> !e.startsWith("MISMATCH "));
        assertEquals(expected, mismatches);
    }

    @Test
    public void theMirrorsTypesAreReadFromItsSources() throws IOException {
        Set<String> types = MirrorCheck.mirroredTypes(Path.of("platform-api/src/main/java"));
        assertTrue(types.contains("com.atlassian.jira.project.ProjectManager"));
        assertTrue(types.contains("webwork.action.ActionSupport"));
        assertTrue(types.stream().allMatch(t -> t.startsWith("com.atlassian.") || t.startsWith("webwork.")
                || t.startsWith("com.opensymphony.workflow.")));
    }

    private static Set<String> expectations() throws IOException {
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = EXPECT.matcher(lines.get(i));
                    if (m.find()) {
                        expected.add(key(m.group(1), m.group(2), m.group(3), app.relativize(file).toString(), i + 1));
                    }
                }
            }
        }
        return expected;
    }

    private static String key(String status, String kind, String member, String file, long line) {
        return status + " " + kind + " " + member + " " + file + ":" + line;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
