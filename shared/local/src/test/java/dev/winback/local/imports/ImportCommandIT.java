package dev.winback.local.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.local.runtime.dynamodb.LocalDynamoDb;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/import-pinpoint's command against a DynamoDB endpoint of its own (a fresh DynamoDB Local:
 * the tables come from template.yaml), on the gzip-compressed file Pinpoint writes.
 */
class ImportCommandIT {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode summary() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGzipExport_importsAtAnEndpoint_andTheSecondRunReportsNoChanges() throws Exception {
        Path gz = Files.createTempFile("pinpoint-export", ".gz");
        try (var zip = new GZIPOutputStream(Files.newOutputStream(gz))) {
            zip.write(Files.readAllBytes(ROOT.resolve("events/pinpoint-endpoint-export.jsonl")));
        }
        String previous = System.setProperty("winback.template", ROOT.resolve("template.yaml").toString());
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start()) {
            String endpoint = dynamoDb.endpoint().toString();

            Run first = run("pinpoint", gz.toString(), "--endpoint-url", endpoint);
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.summary().path("customers").asInt()).isEqualTo(5);
            assertThat(first.summary().path("optOuts").path("changed").asInt()).isEqualTo(4);
            assertThat(first.summary().path("rejectedLines").asInt()).isEqualTo(3);
            assertThat(first.out()).as("no address or value from the file")
                    .doesNotContain("ana.lopez").doesNotContain("user.as.id").doesNotContain("555-0100")
                    .doesNotContain("5b8c2f0e").doesNotContain("Real Madrid").doesNotContain("Mars");

            Run second = run("pinpoint", gz.toString(), "--endpoint-url", endpoint);
            assertThat(second.exit()).isZero();
            assertThat(second.summary().path("changes").asInt()).isZero();
            assertThat(second.summary().path("duplicates").asInt()).isEqualTo(18);
        } finally {
            if (previous == null) System.clearProperty("winback.template");
            else System.setProperty("winback.template", previous);
            Files.deleteIfExists(gz);
        }
    }

    @Test
    void withoutAnEndpoint_theDeployedTableAndItsSecretAreRequired() {
        Run run = run("pinpoint", ROOT.resolve("events/pinpoint-endpoint-export.jsonl").toString());

        assertThat(run.exit()).isEqualTo(ImportCommand.USAGE_ERROR);
        assertThat(run.err()).contains("WINBACK_TABLE").contains("WINBACK_LINK_SECRET_ARN");
    }
}
