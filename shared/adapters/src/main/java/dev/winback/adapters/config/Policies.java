package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbDocumentVersions;
import dev.winback.adapters.dynamodb.DynamoDbUnitPauses;
import dev.winback.adapters.json.JsonPlaybookFormat;
import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.adapters.json.SettingsParser;
import dev.winback.adapters.phone.PhoneNumberTimeZones;
import dev.winback.core.delivery.DeliveryPolicy;
import dev.winback.core.journey.Checked;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.settings.CurrentPolicies;
import dev.winback.core.settings.ManageVersions;
import dev.winback.core.settings.Settings;
import dev.winback.core.settings.ShippedDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The playbook and the settings over the engagement table: the versions operators store and
 * activate, else the shipped ones. Every function that evaluates, arms timers, runs journeys or
 * delivers asks {@link #current()} per run or message, so an activation reaches all of them within
 * one {@link #REFRESH} without a deployment.
 */
public final class Policies {

    /** How stale a function's view of the playbook and settings may be. */
    public static final Duration REFRESH = Duration.ofMinutes(1);

    private static final ShippedDocument<Playbook> SHIPPED_PLAYBOOK = shippedPlaybook();
    private static final ShippedDocument<Settings> SHIPPED_SETTINGS = shippedSettings();

    private final DynamoDbDocumentVersions playbooks;
    private final DynamoDbDocumentVersions settings;
    private final JsonPlaybookFormat playbookFormat = new JsonPlaybookFormat();
    private final SettingsParser settingsFormat = new SettingsParser();
    private final DynamoDbUnitPauses pauses;
    private final CurrentPolicies current;

    public Policies(EngagementTable table) {
        this(table, REFRESH);
    }

    /**
     * @param refresh how often, in the table's elapsed time, the active versions are read again (zero:
     *                on every use, for tests)
     */
    public Policies(EngagementTable table, Duration refresh) {
        var dynamoDb = table.clients().dynamoDb();
        this.playbooks = DynamoDbDocumentVersions.playbook(dynamoDb, table.tableName(), table.meter());
        this.settings = DynamoDbDocumentVersions.settings(dynamoDb, table.tableName(), table.meter());
        this.pauses = new DynamoDbUnitPauses(dynamoDb, table.tableName(), table.meter());
        DeliveryPolicy base = DeliveryPolicy.defaults().withZoneGuess(new PhoneNumberTimeZones());
        this.current = new CurrentPolicies(playbooks, playbookFormat, SHIPPED_PLAYBOOK.value(), settings,
                settingsFormat, SHIPPED_SETTINGS.value(), pauses, base, table.elapsed(), refresh,
                new JulWarnings(CurrentPolicies.class));
    }

    /** What the use cases ask for the rules of each run or message. */
    public CurrentPolicies current() {
        return current;
    }

    /** The units their guardrails paused, which {@link #current()} reads with the documents. */
    public DynamoDbUnitPauses pauses() {
        return pauses;
    }

    /** The operators' playbook use case; a change is read again at once in this process. */
    public ManageVersions<Playbook> managePlaybook() {
        return new ManageVersions<>(playbooks, playbookFormat, SHIPPED_PLAYBOOK, current::refreshNow);
    }

    /** The operators' settings use case; a change is read again at once in this process. */
    public ManageVersions<Settings> manageSettings() {
        return new ManageVersions<>(settings, settingsFormat, SHIPPED_SETTINGS, current::refreshNow);
    }

    private static ShippedDocument<Playbook> shippedPlaybook() {
        String text = classpath(PlaybookLoader.SHIPPED);
        return new ShippedDocument<>(text, new PlaybookLoader().fromText(text, "classpath:" + PlaybookLoader.SHIPPED));
    }

    /** The shipped settings; a test reads them, so broken ones fail the build. */
    static ShippedDocument<Settings> shippedSettings() {
        String text = classpath(SettingsParser.SHIPPED);
        return switch (new SettingsParser().read(text)) {
            case Checked.Valid<Settings> valid -> new ShippedDocument<>(text, valid.value());
            case Checked.Invalid<Settings> invalid -> throw new IllegalStateException("the shipped settings "
                    + SettingsParser.SHIPPED + " are invalid: " + invalid.problems());
        };
    }

    private static String classpath(String resource) {
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("no " + resource + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
