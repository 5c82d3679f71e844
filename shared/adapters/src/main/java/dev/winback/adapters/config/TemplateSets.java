package dev.winback.adapters.config;

import dev.winback.adapters.dynamodb.DynamoDbTemplateStore;
import dev.winback.adapters.json.JsonTemplateSets;
import dev.winback.adapters.mustache.ClassPathTemplates;
import dev.winback.adapters.mustache.MustacheMessageTemplates;
import dev.winback.adapters.mustache.MustacheTemplateEngine;
import dev.winback.adapters.mustache.StoredMessageTemplates;
import dev.winback.core.template.ManageTemplates;

import java.time.Duration;

/**
 * Message templates over the engagement table: each campaign's active stored set, else the shipped
 * templates. Delivery renders from here and the operator routes change it, so every function
 * renders the same templates within one refresh of an activation.
 */
public final class TemplateSets {

    /** How stale a function's view of the active sets may be. */
    public static final Duration REFRESH = Duration.ofMinutes(1);

    private final DynamoDbTemplateStore store;
    private final JsonTemplateSets format = new JsonTemplateSets();
    private final StoredMessageTemplates templates;

    public TemplateSets(EngagementTable table) {
        this(table, REFRESH);
    }

    /**
     * @param refresh how often, in the table's elapsed time, the active sets are read again (zero: on
     *                every render, for tests)
     */
    public TemplateSets(EngagementTable table, Duration refresh) {
        this.store = new DynamoDbTemplateStore(table.clients().dynamoDb(), table.tableName(), table.meter());
        this.templates = new StoredMessageTemplates(store, format, MustacheMessageTemplates.shipped(), table.elapsed(), refresh,
                new JulWarnings(StoredMessageTemplates.class));
    }

    /** What delivery renders with. */
    public StoredMessageTemplates templates() {
        return templates;
    }

    public JsonTemplateSets format() {
        return format;
    }

    /** The operators' use case; a change is read again at once in this process. */
    public ManageTemplates manage() {
        return new ManageTemplates(store, format, ClassPathTemplates.shipped(), new MustacheTemplateEngine(),
                templates::refreshNow);
    }
}
