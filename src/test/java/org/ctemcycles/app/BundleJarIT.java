package org.ctemcycles.app;

import org.ctemcycles.testing.BundleClasses;
import org.ctemcycles.testing.Descriptor;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/** Opens the built app jar (after `package`) and checks that Jira could install it. */
public class BundleJarIT {

    private static Path jar;
    private static Set<String> entries;
    private static Attributes manifest;

    @BeforeClass
    public static void openJar() throws IOException {
        jar = Path.of(System.getProperty("ctem.bundle.jar", "target/ctem-cycles-jira.jar"));
        assertTrue("the app jar must be built first: " + jar, Files.isRegularFile(jar));
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = new TreeSet<>();
            Collections.list(file.entries()).forEach(e -> entries.add(e.getName()));
            manifest = file.getManifest().getMainAttributes();
        }
    }

    private static String read(String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry e = file.getJarEntry(entry);
            assertNotNull(entry + " is missing from the jar", e);
            try (InputStream in = file.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static Set<String> importedPackages() {
        return importClauses().keySet();
    }

    /** Import-Package as package to its clause: a,b;version="[1,2)",c;resolution:=optional, split outside quotes. */
    private static Map<String, String> importClauses() {
        Map<String, String> clauses = new TreeMap<>();
        String header = manifest.getValue("Import-Package");
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String clause = current.toString().trim();
                clauses.put(clause.split(";")[0].trim(), clause);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return clauses;
    }

    /**
     * docs/adr/003: the JDK's java.* packages are not imported (the framework provides them); only the JSR-305
     * annotations, which some Jira versions do not export and which the app runs without, are optional; every other
     * package is mandatory, so that Jira refuses the app at install when one is missing, and so that the annotations
     * Jira enforces (XSRF, request methods, REST access) can never be silently left unwired.
     */
    @Test
    public void importPackageLeavesOutJavaAndMakesOptionalOnlyTheAnnotationsJiraMayNotExport() {
        Map<String, String> clauses = importClauses();
        assertTrue(clauses.toString(), clauses.keySet().stream().noneMatch(p -> p.startsWith("java.")));
        assertEquals("javax.annotation;resolution:=optional", clauses.get("javax.annotation"));
        for (Map.Entry<String, String> clause : clauses.entrySet()) {
            if (!clause.getKey().equals("javax.annotation")) {
                assertFalse(clause.getValue() + " must be mandatory", clause.getValue().contains("resolution:"));
            }
        }
        for (String enforced : List.of("com.atlassian.jira.security.xsrf", "com.atlassian.jira.security.request",
                "com.atlassian.plugins.rest.api.security.annotation")) {
            assertEquals(enforced, clauses.get(enforced));
        }
        assertEquals("the Logger API the app calls is SLF4J 1.7's too", "org.slf4j;version=\"[1.7,3)\"",
                clauses.get("org.slf4j"));
    }

    @Test
    public void manifestMakesItATransformlessAtlassianPlugin() {
        assertEquals("org.ctemcycles.ctem-cycles-jira", manifest.getValue("Bundle-SymbolicName"));
        assertEquals("org.ctemcycles.ctem-cycles-jira", manifest.getValue("Atlassian-Plugin-Key"));
        assertEquals("*", manifest.getValue("Spring-Context"));
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        assertNotNull(manifest.getValue("Bundle-Version"));
        assertTrue(manifest.getValue("Require-Capability"),
                manifest.getValue("Require-Capability").contains("(&(osgi.ee=JavaSE)(version=21))"));
        assertEquals(null, manifest.getValue("Export-Package"));
    }

    @Test
    public void importPackageIsComputedAndCoversThePlatform() {
        Set<String> imports = importedPackages();
        for (String expected : List.of("com.atlassian.activeobjects.external", "com.atlassian.jira.security",
                "com.atlassian.jira.security.groups", "com.atlassian.jira.web.action",
                "com.atlassian.plugin.spring.scanner.annotation.imports", "com.atlassian.sal.api.pluginsettings",
                "com.atlassian.plugins.rest.api.security.annotation", "net.java.ao", "net.java.ao.schema",
                "jakarta.ws.rs", "jakarta.ws.rs.core", "jakarta.inject", "org.springframework.stereotype")) {
            assertTrue(expected + " not imported: " + imports, imports.contains(expected));
        }
        for (String forbidden : List.of("com.google.gson", "com.google.errorprone.annotations", "sun.misc",
                "org.ctemcycles.cli", "org.h2", "com.zaxxer.hikari", "org.apache.velocity",
                "org.apache.commons.collections")) {
            assertFalse(forbidden + " must not be imported", imports.stream().anyMatch(p -> p.startsWith(forbidden)));
        }
    }

    @Test
    public void descriptorSitsAtTheRootWithTheBuildsValuesFilledIn() throws IOException {
        String xml = read("atlassian-plugin.xml");
        assertFalse("unfilled placeholders", xml.contains("${"));
        Descriptor descriptor = Descriptor.parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("org.ctemcycles.ctem-cycles-jira", descriptor.root().getAttribute("key"));
        assertEquals("CTEM Cycles for Jira", descriptor.root().getAttribute("name"));
        assertEquals(manifest.getValue("Bundle-Version").replace(".SNAPSHOT", "-SNAPSHOT"),
                descriptor.texts("version").get(0));
    }

    @Test
    public void springContextUsesTheScannerIndexes() throws IOException {
        assertTrue(read("META-INF/spring/plugin-context.xml").contains("<atlassian-scanner:scan-indexes/>"));
    }

    @Test
    public void scannerIndexesInTheJarEqualWhatTheAnnotationsSay() throws IOException {
        assertEquals(BundleClasses.expectedComponents(), lines(read("META-INF/plugin-components/component")));
        assertEquals(BundleClasses.expectedImports(), lines(read("META-INF/plugin-components/imports")));
    }

    @Test
    public void gsonIsEmbeddedAndNothingJiraShipsIsInside() {
        assertTrue(entries.contains("com/google/gson/Gson.class"));
        for (String entry : entries) {
            for (String forbidden : List.of("com/atlassian/", "net/java/ao/", "webwork/", "org/springframework/",
                    "jakarta/", "org/ctemcycles/cli/", "org/h2/", "com/zaxxer/", "org/slf4j/", "org/apache/velocity/",
                    "org/apache/commons/")) {
                assertFalse(entry + " must not be in the jar", entry.startsWith(forbidden));
            }
        }
    }

    /** Only the app: no test double, no test, no command line, no build tool (issue 16). */
    @Test
    public void noTestDoubleCommandLineOrBuildToolIsInside() throws IOException {
        Set<String> testClasses = new TreeSet<>();
        Path testRoot = Path.of("target/test-classes");
        assertTrue("the test classes must be compiled first", Files.isDirectory(testRoot.resolve("org/ctemcycles")));
        try (var files = Files.walk(testRoot)) {
            files.filter(p -> p.toString().endsWith(".class"))
                    .forEach(p -> testClasses.add(testRoot.relativize(p).toString().replace('\\', '/')));
        }
        java.util.regex.Pattern doubles = java.util.regex.Pattern.compile(
                "(InMemory|Fake|Stub|Mock|Dummy|Testable).*|.*Test.*");
        for (String entry : entries) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            String simpleName = entry.substring(entry.lastIndexOf('/') + 1).replaceAll("(\\$.*)?\\.class$", "");
            assertFalse(entry + " looks like a test double or a test", doubles.matcher(simpleName).matches());
            assertFalse(entry + " is a class of the test sources", testClasses.contains(entry));
            assertFalse(entry + ": the command line stays out of the Jira bundle",
                    entry.startsWith("org/ctemcycles/cli/"));
            assertFalse(entry + ": the build's own tools stay out of the bundle",
                    entry.startsWith("org/ctemcycles/build/"));
        }
    }

    @Test
    public void everyBundleClassTemplateAndMessageFileIsInside() {
        for (Class<?> type : BundleClasses.all()) {
            assertTrue(type.getName(), entries.contains(type.getName().replace('.', '/') + ".class"));
        }
        assertTrue(entries.contains("templates/admin/cycles.vm"));
        assertTrue(entries.contains("templates/evidence/cycle-report.vm"));
        assertTrue(entries.contains("i18n/ctem-cycles.properties"));
        assertTrue(entries.contains("css/ctem-admin.css"));
        assertFalse("test templates stay out", entries.contains("templates/test/escaping.vm"));
    }

    @Test
    public void appClassesAreJava21Bytecode() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : entries) {
                if (entry.startsWith("org/ctemcycles/") && entry.endsWith(".class")) {
                    try (DataInputStream in = new DataInputStream(file.getInputStream(file.getJarEntry(entry)))) {
                        assertEquals(0xCAFEBABE, in.readInt());
                        in.readUnsignedShort();
                        assertEquals(entry, 65, in.readUnsignedShort());
                    }
                }
            }
        }
    }

    private static Set<String> lines(String text) {
        Set<String> lines = new TreeSet<>(List.of(text.split("\n")));
        lines.remove("");
        return lines;
    }
}
