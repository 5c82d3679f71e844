package dev.winback.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.time.ZoneId;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "system", ZoneId.class)
            .orShould().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time..")))))
            .because("time is a parameter of the domain, never read inside it");

    @ArchTest
    static final ArchRule core_neverLogs = noClasses().that().resideInAPackage("dev.winback.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.util.logging..", "org.slf4j..", "org.apache.logging..", "ch.qos.logback..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
            .orShould().callMethod(System.class, "getLogger", String.class)
            .orShould().callMethod(System.class, "getLogger", String.class, java.util.ResourceBundle.class)
            .because("the core reports handled failures through the Warnings port; the composition root logs");

    @ArchTest
    static final ArchRule core_packagesFormNoCycle = slices().matching("dev.winback.core.(*)..").should().beFreeOfCycles()
            .because("each core package can be understood, and changed, after the ones it uses");
}
