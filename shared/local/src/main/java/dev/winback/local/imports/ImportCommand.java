package dev.winback.local.imports;

import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Imports;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.adapters.json.ImportSummaryJson;
import dev.winback.core.imports.ImportSummary;
import dev.winback.local.cli.CliArgs;
import dev.winback.local.cli.UsageException;
import dev.winback.local.runtime.dynamodb.SdkSystemProperties;
import dev.winback.local.runtime.template.SamTemplate;
import dev.winback.local.runtime.template.TemplateTables;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;

/**
 * {@code scripts/import-pinpoint} and {@code scripts/import-suppressions}: an import file through the
 * same ingestion the functions run, into a deployed table or one behind {@code --endpoint-url}
 * (DynamoDB Local, LocalStack), printing the summary as JSON. Exit codes: 0 imported (rejected lines
 * are in the summary), 1 some events could not be stored now (import the file again), 2 bad command line.
 */
public final class ImportCommand {

    static final String USAGE = """
            usage: import-pinpoint FILE [--endpoint-url URL] [--table NAME]
                   import-suppressions FILE [--endpoint-url URL] [--table NAME]

              FILE            a Pinpoint endpoint export (newline-delimited JSON, gzip or not), or a
                              suppression list (CSV with an email or phone column)
              --endpoint-url  a DynamoDB endpoint such as DynamoDB Local; its tables are created from
                              template.yaml when missing, and contact hashes use the local development key
              --table         the table (default: WINBACK_TABLE, else the template's name for a local endpoint)

            Without --endpoint-url the import goes to the AWS account of the usual credential chain:
            WINBACK_TABLE (or --table) and WINBACK_LINK_SECRET_ARN (the stack's link secret, which keys
            the contact index) are required.
            """;

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (Arrays.asList(args).contains("--help")) {
                out.print(USAGE);
                return OK;
            }
            if (args.length < 2) throw new UsageException("");
            BiFunction<Imports, InputStream, ImportSummary> kind = switch (args[0]) {
                case "pinpoint" -> Imports::pinpoint;
                case "suppressions" -> Imports::suppressions;
                default -> throw new UsageException("unknown import " + args[0]);
            };
            Path file = Path.of(args[1]);
            if (!Files.isRegularFile(file)) throw new UsageException("no file " + file);
            CliArgs options = CliArgs.parse("import-" + args[0], List.of(args).subList(2, args.length),
                    Set.of("endpoint-url", "table"));
            ImportSummary summary = importFile(file, options, env, kind);
            out.println(ImportSummaryJson.toJson(summary));
            return summary.failed() > 0 ? FAILED : OK;
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) err.println("error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
    }

    private static ImportSummary importFile(Path file, CliArgs options, Map<String, String> env,
                                            BiFunction<Imports, InputStream, ImportSummary> kind) {
        var endpoint = options.text("endpoint-url");
        var table = options.text("table").or(() -> java.util.Optional.ofNullable(env.get(WinbackConfig.TABLE)));
        if (endpoint.isEmpty()) {
            if (table.isEmpty() || env.get(LinkConfig.SECRET_ARN) == null) {
                throw new UsageException("without --endpoint-url, set " + WinbackConfig.TABLE + " (or --table) and "
                        + LinkConfig.SECRET_ARN);
            }
        }
        try (SdkSystemProperties ignored = endpoint.map(SdkSystemProperties::pointDynamoDbAt).orElse(null);
             AwsClients clients = new AwsClients();
             InputStream in = Files.newInputStream(file)) {
            String tableName = table.orElseGet(() -> TemplateTables.physicalName("EngagementTable"));
            if (endpoint.isPresent()) createTablesIfMissing(clients, tableName);
            Clock clock = Clock.systemUTC();
            EngagementTable engagement = new EngagementTable(new WinbackConfig(tableName, "winback-import"), clients, clock);
            ExecutorService writers = WriterThreads.newPool();
            try {
                return kind.apply(new Imports(engagement, new Ingestion(engagement, clock, writers), clock), in);
            } finally {
                writers.shutdown();
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void createTablesIfMissing(AwsClients clients, String tableName) {
        try {
            clients.dynamoDb().describeTable(b -> b.tableName(tableName));
        } catch (ResourceNotFoundException e) {
            Map<String, String> created = TemplateTables.create(
                    SamTemplate.read(Path.of(System.getProperty("winback.template", "template.yaml"))), clients.dynamoDb());
            if (!created.containsValue(tableName)) {
                throw new UsageException("no table " + tableName + " at the endpoint, and the template names another");
            }
        }
    }
}
