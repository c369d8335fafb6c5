package org.ctemcycles.build;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Named;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the Spring Scanner index files that Jira reads (META-INF/plugin-components/component and imports) from the
 * annotations of the compiled bundle classes. Atlassian's scanner plugin is not on Maven Central, so the build runs
 * this instead, in process-classes (see ADR 020); the tests compute the expected index through the same methods.
 * Build-only: it is compiled into target/build-classes and never enters the bundle.
 */
public final class SpringScannerIndex {

    /** The standalone command is not part of the Jira bundle (bnd's Private-Package leaves it out). */
    private static final String COMMAND_PACKAGE = "org.ctemcycles.cli.";

    private final Path classes;
    private final ClassLoader loader;

    public SpringScannerIndex(Path classes, ClassLoader loader) {
        this.classes = classes;
        this.loader = loader;
    }

    /** Arguments: the compiled classes folder; the index is written under its META-INF/plugin-components. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SpringScannerIndex CLASSES_DIRECTORY");
        }
        Path classes = Path.of(args[0]);
        SpringScannerIndex index = new SpringScannerIndex(classes, SpringScannerIndex.class.getClassLoader());
        Path folder = classes.resolve("META-INF/plugin-components");
        Files.createDirectories(folder);
        write(folder.resolve("component"), index.components());
        write(folder.resolve("imports"), index.imports());
        // the scanner reads an exports index too when present; the app exports no service
        Files.deleteIfExists(folder.resolve("exports"));
    }

    private static void write(Path file, Set<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The app's classes that go into the Jira bundle: everything under org.ctemcycles but the standalone command. */
    public List<Class<?>> bundleClasses() {
        Path root = classes.resolve("org/ctemcycles");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/').replace('/', '.')
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.startsWith(COMMAND_PACKAGE))
                    .sorted()
                    .<Class<?>>map(this::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name + " to read its annotations", e);
        }
    }

    /** Lines of META-INF/plugin-components/component: each component class, with #name when one is given. */
    public Set<String> components() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : bundleClasses()) {
            Component component = type.getAnnotation(Component.class);
            Named named = type.getAnnotation(Named.class);
            if (component != null) {
                lines.add(type.getName() + (component.value().isEmpty() ? "" : "#" + component.value()));
            } else if (named != null) {
                lines.add(type.getName() + (named.value().isEmpty() ? "" : "#" + named.value()));
            }
        }
        return lines;
    }

    /** Lines of META-INF/plugin-components/imports: each imported OSGi service type, with #name when given. */
    public Set<String> imports() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : bundleClasses()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    addImports(lines, parameter.getType(), parameter.getAnnotations());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                addImports(lines, field.getType(), field.getAnnotations());
            }
        }
        return lines;
    }

    private static void addImports(Set<String> lines, Class<?> type, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof ComponentImport imported) {
                lines.add(type.getName() + (imported.value().isEmpty() ? "" : "#" + imported.value()));
            }
        }
    }
}
