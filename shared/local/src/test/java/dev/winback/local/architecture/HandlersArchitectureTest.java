package dev.winback.local.architecture;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Lambda handler maps its envelope to one call and the result back; everything else (wiring,
 * parsing, storage) lives in the function's composition root, the adapters and the core. Two checks
 * keep it so: a handler stays short, and it reaches no SDK client, store or codec directly.
 */
class HandlersArchitectureTest {

    /** Code lines (no blank lines, comments, package or imports) a handler may have. */
    static final int MAX_HANDLER_LINES = 40;

    private static JavaClasses functions;

    @BeforeAll
    static void importFunctions() {
        functions = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.winback.functions");
    }

    @Test
    void everyFunctionHasAHandler() {
        assertThat(handlers()).extracting(JavaClass::getSimpleName)
                .contains("IngestEventsHandler", "EvaluateCustomersHandler", "DeliverMessagesHandler",
                        "ResumeDueMessagesHandler", "ProcessFeedbackHandler", "HttpApiHandler", "PublicLinksHandler",
                        "FitPurchaseModelHandler", "ExportAudienceHandler", "ImportPinpointHandler");
    }

    @Test
    void handlers_stayShort() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (JavaClass handler : handlers()) {
            Path source = sourceOf(handler);
            long lines = codeLines(Files.readString(source));
            if (lines > MAX_HANDLER_LINES) tooLong.add(handler.getSimpleName() + ": " + lines + " code lines");
        }
        assertThat(tooLong).as("handlers longer than %d code lines", MAX_HANDLER_LINES).isEmpty();
    }

    @Test
    void handlers_onlyMap_theyReachNoClientStoreOrCodec() {
        noClasses().that().implement(RequestHandler.class)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..",
                        "dev.winback.adapters.dynamodb..", "dev.winback.adapters.ses..", "dev.winback.adapters.sns..",
                        "dev.winback.adapters.eventbridge..", "dev.winback.adapters.json..",
                        "dev.winback.adapters.http..", "com.fasterxml.jackson..")
                .because("a handler maps the envelope; its composition root wires the adapters")
                .check(functions);
    }

    @Test
    void codeLines_ignoresCommentsImportsAndBlankLines() {
        String source = """
                package a.b;

                import java.util.List;
                /** A doc
                 * comment. */
                final class X { // trailing
                    /* block */ int y;
                }
                """;
        assertThat(codeLines(source)).isEqualTo(3);
    }

    private static List<JavaClass> handlers() {
        return functions.stream().filter(c -> c.isAssignableTo(RequestHandler.class) && c.isTopLevelClass()).toList();
    }

    private static Path sourceOf(JavaClass handler) throws IOException {
        Path relative = Path.of(handler.getPackageName().replace('.', '/'), handler.getSimpleName() + ".java");
        Path functionsDir = repositoryRoot().resolve("functions");
        try (Stream<Path> modules = Files.list(functionsDir)) {
            return modules.map(module -> module.resolve("src/main/java").resolve(relative)).filter(Files::isRegularFile)
                    .findFirst().orElseThrow(() -> new AssertionError("no source for " + handler.getName()));
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) dir = dir.getParent();
        if (dir == null) throw new AssertionError("no template.yaml above " + Path.of("").toAbsolutePath());
        return dir;
    }

    static long codeLines(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        return code.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("package ") && !line.startsWith("import "))
                .count();
    }
}
