package org.ctemcycles.testing;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Named;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The app's classes that go into the Jira bundle (everything under org.ctemcycles but the standalone command), and
 * what their Spring Scanner annotations say: the content the index files in META-INF/plugin-components must have.
 */
public final class BundleClasses {

    public static final Path CLASSES = Path.of("target/classes");

    private BundleClasses() {
    }

    public static List<Class<?>> all() {
        Path root = CLASSES.resolve("org/ctemcycles");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> !name.startsWith("org.ctemcycles.cli."))
                    .sorted()
                    .map(BundleClasses::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, BundleClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines of META-INF/plugin-components/component: each component class, with #name when one is given. */
    public static Set<String> expectedComponents() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : all()) {
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
    public static Set<String> expectedImports() {
        Set<String> lines = new TreeSet<>();
        for (Class<?> type : all()) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    add(lines, parameter.getType(), parameter.getAnnotations());
                }
            }
            for (Field field : type.getDeclaredFields()) {
                add(lines, field.getType(), field.getAnnotations());
            }
        }
        return lines;
    }

    private static void add(Set<String> lines, Class<?> type, Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof ComponentImport imported) {
                lines.add(type.getName() + (imported.value().isEmpty() ? "" : "#" + imported.value()));
            }
        }
    }
}
