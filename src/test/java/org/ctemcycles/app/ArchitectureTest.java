package org.ctemcycles.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.HttpMethod;
import org.junit.runner.RunWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of ARCHITECTURE.md: core imports only the JDK; ingest only core; store and report only core; app (the
 * composition root and the import path) wires those; jira and cli are the edge, and nothing in the Jira bundle
 * depends on the standalone command. Inside core, the packages
 * form the layers of ARCHITECTURE.md's table "Inside core": the table is read from the document, so the two agree.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "org.ctemcycles", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsOnlyTheJdk = classes().that().resideInAPackage("org.ctemcycles.core..")
            // javax.crypto is the JDK's own HMAC (the activity log's keyed anchor)
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.ctemcycles.core..", "java..", "javax.crypto..");

    @ArchTest
    static final ArchRule ingestDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.store..", "org.ctemcycles.report..",
                    "org.ctemcycles.app..", "org.ctemcycles.jira..", "org.ctemcycles.cli..", "com.atlassian..");

    @ArchTest
    static final ArchRule storeDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.ingest..", "org.ctemcycles.report..",
                    "org.ctemcycles.app..", "org.ctemcycles.jira..", "org.ctemcycles.cli..");

    /** Wiring is not persistence: the composition root sits above store, below the edge. */
    @ArchTest
    static final ArchRule appWiresTheLayersBelowTheEdge = noClasses().that().resideInAPackage("org.ctemcycles.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.jira..", "org.ctemcycles.cli..");

    @ArchTest
    static final ArchRule storeUsesOnlyActiveObjectsOfJira = noClasses().that().resideInAPackage("org.ctemcycles.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.atlassian.jira..", "com.atlassian.plugin..",
                    "com.atlassian.plugins..", "webwork..");

    @ArchTest
    static final ArchRule reportDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.ingest..", "org.ctemcycles.store..",
                    "org.ctemcycles.app..", "org.ctemcycles.jira..", "org.ctemcycles.cli..", "com.atlassian..",
                    "net.java.ao..");

    /** Jira renders the app's templates with its own Velocity; only the standalone command brings one. */
    @ArchTest
    static final ArchRule onlyTheCommandUsesVelocity = noClasses().that().resideOutsideOfPackage("org.ctemcycles.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.velocity..");

    @ArchTest
    static final ArchRule jiraDoesNotDependOnTheCommandLine = noClasses().that().resideInAPackage("org.ctemcycles.jira..")
            .should().dependOnClassesThat().resideInAPackage("org.ctemcycles.cli..");

    /**
     * The REST API reaches the record through the composition root and core's ports only (CycleRecord, FeedStore),
     * never an Active Objects repository: what a resource may do to the database is what a service allows.
     */
    @ArchTest
    static final ArchRule restDoesNotReachTheStore = noClasses().that().resideInAPackage("org.ctemcycles.jira.rest..")
            .should().dependOnClassesThat().resideInAPackage("org.ctemcycles.store..");

    /** Every resource reaches a cycle only through CtemResource's access check (ADR 006, 007). */
    @ArchTest
    static final ArchRule everyResourceExtendsCtemResource = classes().that()
            .resideInAPackage("org.ctemcycles.jira.rest..").and().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().beAssignableTo("org.ctemcycles.jira.rest.CtemResource");

    /** The access annotations of Jira's REST v2, of which a resource method must declare one. */
    static final String ACCESS_ANNOTATIONS = "com.atlassian.plugins.rest.api.security.annotation";
    /** Those that would let anonymous or unlicensed callers in: the app checks access itself, for licensed users. */
    static final Set<String> OPEN_ACCESS = Set.of(ACCESS_ANNOTATIONS + ".UnrestrictedAccess",
            ACCESS_ANNOTATIONS + ".AnonymousSiteAccess", ACCESS_ANNOTATIONS + ".UnlicensedSiteAccess");

    /**
     * Every public resource method declares its access by intent (on itself or its class): {@code @LicensedOnly},
     * {@code @AdminOnly}, ... and never one that lets anonymous callers in (ADR 007). Jira's REST v2 refuses a
     * request before the method runs when the annotation says so; the method's own role check comes after.
     */
    @ArchTest
    static final ArchRule everyResourceMethodDeclaresItsAccess = methods().that()
            .areDeclaredInClassesThat().resideInAPackage("org.ctemcycles.jira.rest..").and().arePublic()
            .and(new DescribedPredicate<JavaMethod>("answer an HTTP method") {
                @Override
                public boolean test(JavaMethod method) {
                    return method.isMetaAnnotatedWith(HttpMethod.class);
                }
            })
            .should(new ArchCondition<JavaMethod>("declare their access with one annotation of " + ACCESS_ANNOTATIONS
                    + ", none of " + OPEN_ACCESS) {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<String> declared = Stream.concat(method.getAnnotations().stream(),
                                    method.getOwner().getAnnotations().stream())
                            .map(JavaAnnotation::getRawType).map(JavaClass::getName)
                            .filter(name -> name.startsWith(ACCESS_ANNOTATIONS + ".")).toList();
                    if (declared.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " declares no access annotation of " + ACCESS_ANNOTATIONS));
                    }
                    declared.stream().filter(OPEN_ACCESS::contains).forEach(open -> events.add(
                            SimpleConditionEvent.violated(method, method.getFullName() + " is " + open
                                    + ": every request must be a licensed user's, checked by the app")));
                }
            });

    @ArchTest
    static final ArchRule onlyTheEdgeKnowsJira = noClasses().that().resideInAnyPackage("org.ctemcycles.core..",
                    "org.ctemcycles.ingest..", "org.ctemcycles.report..", "org.ctemcycles.app..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.springframework..", "webwork..");

    /**
     * Logging happens at the edges only: imports (app/ReportImport), permission denials (jira/security), the REST
     * API's unexpected failures (jira/rest), and later jobs and sync. The CTEM logic, the parsers, the store and the
     * renderings neither log nor print, so nothing they handle (report contents above all) reaches a log by them.
     */
    @ArchTest
    static final ArchRule onlyTheEdgeLogs = noClasses().that().resideInAnyPackage("org.ctemcycles.core..",
                    "org.ctemcycles.ingest..", "org.ctemcycles.store..", "org.ctemcycles.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
            .orShould().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");

    @ArchTest
    static final ArchRule everyAppClassLivesInALayer = classes().that().resideInAPackage("org.ctemcycles..")
            .should().resideInAnyPackage("org.ctemcycles.core..", "org.ctemcycles.ingest..", "org.ctemcycles.store..",
                    "org.ctemcycles.report..", "org.ctemcycles.app..", "org.ctemcycles.jira..",
                    "org.ctemcycles.cli..");

    /**
     * Inside Jira the JVM's common ForkJoinPool serves every app and Jira itself: parallel work runs on threads the
     * app owns and sizes (core/priority/RankingThreads), never on parallel streams or the common pool.
     */
    @ArchTest
    static final ArchRule nothingRunsOnTheCommonPool = noClasses().that().resideInAPackage("org.ctemcycles..")
            .should().callMethod(java.util.Collection.class, "parallelStream")
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                            "parallelSort|parallelSetAll|parallelPrefix|commonPool")))
            .orShould().callMethod(java.util.stream.BaseStream.class, "parallel")
            .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "runAsync", Runnable.class)
            .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "supplyAsync",
                    java.util.function.Supplier.class);

    /**
     * Nothing is held on a node (ADR 016): no class of the app keeps state in a static field, where one node of a Data
     * Center cluster would see what another does not. {@code TwoNodesTest} proves the rest over HTTP.
     */
    @ArchTest
    static final ArchRule noStateInStaticFields = fields().that().areStatic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.ctemcycles..")
            .should().beFinal();

    /** The stage packages of core depend on each other in one direction only. Nothing frozen. */
    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices().matching("org.ctemcycles.core.(*)..")
            .should().beFreeOfCycles();

    /** Every core package uses only what its row of ARCHITECTURE.md's table allows, and every one has a row. */
    @ArchTest
    static final ArchRule corePackagesFollowTheTable = classes().that().resideInAPackage("org.ctemcycles.core..")
            .should(new ArchCondition<JavaClass>("use only the core packages their row of ARCHITECTURE.md allows") {
                private final Map<String, Set<String>> allowed = coreTable();

                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String own = corePackage(item.getPackageName());
                    Set<String> may = allowed.get(own);
                    if (may == null) {
                        events.add(SimpleConditionEvent.violated(item, "core/" + own + " (of " + item.getName()
                                + ") has no row in ARCHITECTURE.md's table \"Inside core\""));
                        return;
                    }
                    item.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("org.ctemcycles.core.")) {
                            String used = corePackage(target);
                            if (!used.equals(own) && !may.contains(used)) {
                                events.add(SimpleConditionEvent.violated(dependency, "core/" + own + " may not use core/"
                                        + used + " (ARCHITECTURE.md, \"Inside core\"): " + dependency.getDescription()));
                            }
                        }
                    });
                }
            });

    /** The table's rows name packages that exist: a row cannot outlive its package. */
    @ArchTest
    static void theTableNamesOnlyExistingPackages(JavaClasses classes) {
        Set<String> present = new TreeSet<>();
        classes.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith("org.ctemcycles.core."))
                .forEach(p -> present.add(corePackage(p)));
        Set<String> rows = new TreeSet<>(coreTable().keySet());
        if (!rows.equals(present)) {
            throw new AssertionError("ARCHITECTURE.md's table \"Inside core\" names " + rows + "; core has " + present);
        }
        coreTable().forEach((row, may) -> {
            if (!rows.containsAll(may)) {
                throw new AssertionError("core/" + row + "'s row in ARCHITECTURE.md may use " + may
                        + ", which names a package without a row (a typo would allow nothing and pass unnoticed)");
            }
        });
    }

    private static String corePackage(String packageName) {
        String rest = packageName.substring("org.ctemcycles.core.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The rows of ARCHITECTURE.md's table "Inside core": package to the packages it may use. */
    static Map<String, Set<String>> coreTable() {
        String text;
        try {
            text = Files.readString(Path.of("ARCHITECTURE.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = text.indexOf("## Inside core");
        if (start < 0) {
            throw new AssertionError("ARCHITECTURE.md has no section \"Inside core\"");
        }
        String section = text.substring(start, text.indexOf("\n## ", start + 1));
        Map<String, Set<String>> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `core/(\\w+)` \\|.*\\| ([^|]*) \\|$").matcher(section);
        while (row.find()) {
            Set<String> may = new TreeSet<>();
            for (String name : row.group(2).split(",")) {
                String used = name.trim();
                if (!used.isEmpty() && !used.equals("(nothing)")) {
                    may.add(used);
                }
            }
            table.put(row.group(1), may);
        }
        return table;
    }
}
