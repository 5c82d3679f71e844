package dev.winback.adapters;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The adapters are cut by technology (dynamodb, ses, sns, eventbridge, sqs, http, json, mustache, …)
 * and point down: they implement the core's ports and never reach up into functions or the local
 * runtime. Use cases live in the core, so no adapter package is about a feature.
 */
@AnalyzeClasses(packages = "dev.winback.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class AdaptersArchitectureTest {

    @ArchTest
    static final ArchRule adapters_packagesFormNoCycle = slices().matching("dev.winback.adapters.(*)..")
            .should().beFreeOfCycles()
            .because("each technology's adapters can be read, and replaced, on their own");

    @ArchTest
    static final ArchRule adapters_neverReachUp = noClasses().that().resideInAPackage("dev.winback.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.winback.functions..", "dev.winback.local..")
            .because("functions and the local runtime compose the adapters, not the other way round");

    @ArchTest
    static final ArchRule technologyPackages_doNotShareAnSdk = noClasses()
            .that().resideInAnyPackage("dev.winback.adapters.dynamodb..", "dev.winback.adapters.json..",
                    "dev.winback.adapters.mustache..", "dev.winback.adapters.phone..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services.ses..",
                    "software.amazon.awssdk.services.sesv2..", "software.amazon.awssdk.services.sns..",
                    "software.amazon.awssdk.services.eventbridge..", "software.amazon.awssdk.services.sqs..")
            .because("each package speaks to one technology; messaging SDKs belong to ses, sns, eventbridge, sqs");
}
