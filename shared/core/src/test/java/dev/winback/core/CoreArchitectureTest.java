package dev.winback.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain core stays free of infrastructure, so it can be tested without I/O. */
@AnalyzeClasses(packages = "dev.winback.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_hasNoInfrastructureImports = noClasses().that().resideInAPackage("dev.winback.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "dev.winback.adapters..",
                    "dev.winback.functions..", "dev.winback.local..", "java.net.http..", "java.sql..")
            .because("the core is pure: adapters hold all I/O");

    @ArchTest
    static final ArchRule core_neverReadsTheWallClock = noClasses().that().resideInAPackage("dev.winback.core..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
            .because("time is a parameter of the domain, never read inside it");
}
