package org.ctemcycles.testing;

import org.ctemcycles.build.SpringScannerIndex;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The app's classes that go into the Jira bundle (everything under org.ctemcycles but the standalone command), and
 * what their Spring Scanner annotations say: the content the generated index files in META-INF/plugin-components
 * must have. The computation is the build's own generator ({@link SpringScannerIndex}, src/build/java).
 */
public final class BundleClasses {

    public static final Path CLASSES = Path.of("target/classes");

    private static final SpringScannerIndex INDEX = new SpringScannerIndex(CLASSES, BundleClasses.class.getClassLoader());

    private BundleClasses() {
    }

    public static List<Class<?>> all() {
        return INDEX.bundleClasses();
    }

    /** Lines of META-INF/plugin-components/component: each component class, with #name when one is given. */
    public static Set<String> expectedComponents() {
        return INDEX.components();
    }

    /** Lines of META-INF/plugin-components/imports: each imported OSGi service type, with #name when given. */
    public static Set<String> expectedImports() {
        return INDEX.imports();
    }
}
