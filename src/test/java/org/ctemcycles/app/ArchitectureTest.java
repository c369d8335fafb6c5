package org.ctemcycles.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of ARCHITECTURE.md: core imports only the JDK; ingest only core; store and report only core; jira
 * and cli are the edge, and nothing in the Jira bundle depends on the standalone command.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "org.ctemcycles", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsOnlyTheJdk = classes().that().resideInAPackage("org.ctemcycles.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.ctemcycles.core..", "java..");

    @ArchTest
    static final ArchRule ingestDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.ingest..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.store..", "org.ctemcycles.report..",
                    "org.ctemcycles.jira..", "org.ctemcycles.cli..", "com.atlassian..")
            .allowEmptyShould(true); // ingest/ arrives with the discovery importers

    @ArchTest
    static final ArchRule storeDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.ingest..", "org.ctemcycles.report..",
                    "org.ctemcycles.jira..", "org.ctemcycles.cli..");

    @ArchTest
    static final ArchRule storeUsesOnlyActiveObjectsOfJira = noClasses().that().resideInAPackage("org.ctemcycles.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.atlassian.jira..", "com.atlassian.plugin..",
                    "com.atlassian.plugins..", "webwork..");

    @ArchTest
    static final ArchRule reportDependsOnlyOnCore = noClasses().that().resideInAPackage("org.ctemcycles.report..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ctemcycles.ingest..", "org.ctemcycles.store..",
                    "org.ctemcycles.jira..", "org.ctemcycles.cli..", "com.atlassian..", "net.java.ao..");

    /** Jira renders the app's templates with its own Velocity; only the standalone command brings one. */
    @ArchTest
    static final ArchRule onlyTheCommandUsesVelocity = noClasses().that().resideOutsideOfPackage("org.ctemcycles.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.velocity..");

    @ArchTest
    static final ArchRule jiraDoesNotDependOnTheCommandLine = noClasses().that().resideInAPackage("org.ctemcycles.jira..")
            .should().dependOnClassesThat().resideInAPackage("org.ctemcycles.cli..");

    @ArchTest
    static final ArchRule onlyTheEdgeKnowsJira = noClasses().that().resideInAnyPackage("org.ctemcycles.core..",
                    "org.ctemcycles.ingest..", "org.ctemcycles.report..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.springframework..", "webwork..");

    @ArchTest
    static final ArchRule everyAppClassLivesInALayer = classes().that().resideInAPackage("org.ctemcycles..")
            .should().resideInAnyPackage("org.ctemcycles.core..", "org.ctemcycles.ingest..", "org.ctemcycles.store..",
                    "org.ctemcycles.jira..", "org.ctemcycles.report..", "org.ctemcycles.cli..");
}
