package org.ctemcycles.jira.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REST API as its resources declare it, read by reflection: every public method of a {@code @Path} class of
 * {@code jira/rest} with an HTTP method annotation is one endpoint, at the class's path joined with the method's.
 * The contract test and the permission matrix start from this list, so an endpoint added to a resource fails both
 * until the OpenAPI document and the matrix have it.
 */
final class ResourceEndpoints {

    private static final String PACKAGE = "org.ctemcycles.jira.rest";

    private ResourceEndpoints() {
    }

    /** One endpoint: its HTTP method, its path under /rest/ctem/1.0 (templates as {name}), the Java method. */
    record Endpoint(String method, String path, Method handler) {

        /** "GET /cycles/{key}", as the OpenAPI document's path and method name it. */
        String id() {
            return method + " " + path;
        }

        /** The media types the method reads ({@code @Consumes} of the method, else of its class); empty: none said. */
        List<String> consumes() {
            Consumes consumes = handler.isAnnotationPresent(Consumes.class) ? handler.getAnnotation(Consumes.class)
                    : handler.getDeclaringClass().getAnnotation(Consumes.class);
            return consumes == null ? List.of() : List.of(consumes.value());
        }

        /** The media types the method writes ({@code @Produces} of the method, else of its class). */
        List<String> produces() {
            Produces produces = handler.isAnnotationPresent(Produces.class) ? handler.getAnnotation(Produces.class)
                    : handler.getDeclaringClass().getAnnotation(Produces.class);
            return produces == null ? List.of() : List.of(produces.value());
        }

        /** Whether the method reads the request's body (a parameter JAX-RS fills with the entity). */
        boolean readsBody() {
            return Arrays.stream(handler.getParameters()).anyMatch(ResourceEndpoints::isEntity);
        }

        @Override
        public String toString() {
            return id() + " (" + handler.getDeclaringClass().getSimpleName() + "." + handler.getName() + ")";
        }
    }

    /** Every endpoint of the resources, by path and method. */
    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : classes()) {
            if (!resource.isAnnotationPresent(Path.class)) {
                continue;
            }
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (!Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                if (http == null) {
                    if (method.isAnnotationPresent(Path.class)) {
                        throw new AssertionError(resource.getSimpleName() + "." + method.getName() + " is a"
                                + " sub-resource locator; the contract tests read endpoints of resource methods only");
                    }
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                endpoints.add(new Endpoint(http, join(base, path == null ? "" : path.value()), method));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    /**
     * The top-level classes of the resources' package, as Jira and the harness find them (by scanning the package
     * the descriptor's {@code <rest>} module names).
     */
    private static List<Class<?>> classes() {
        // where the main classes are (the test classes of the same package are elsewhere)
        URL root = CtemResource.class.getProtectionDomain().getCodeSource().getLocation();
        try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of(root.toURI())
                .resolve(PACKAGE.replace('.', '/')))) {
            List<Class<?>> classes = new ArrayList<>();
            for (String name : files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$")).sorted().toList()) {
                classes.add(Class.forName(PACKAGE + "." + name.substring(0, name.length() - ".class".length())));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP method a resource method answers (its annotation meta-annotated with @HttpMethod), or null. */
    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** "/cycles" + "/{key}/imports": one slash between segments, none at the end, templates without regexes. */
    static String join(String base, String sub) {
        String joined = Arrays.stream((base + "/" + sub).split("/")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/", "/", ""));
        return joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    /** JAX-RS fills a parameter without a parameter annotation and without @Context with the request's entity. */
    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(type -> type == Context.class || type.getPackageName().equals("jakarta.ws.rs")
                        && PARAMETER_ANNOTATIONS.contains(type.getSimpleName()));
    }

    private static final Set<String> PARAMETER_ANNOTATIONS = Set.of("PathParam", "QueryParam", "HeaderParam",
            "CookieParam", "FormParam", "MatrixParam", "BeanParam");
}
