package dev.winback.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winback.core.template.TemplateProblem;
import dev.winback.core.template.TemplateSet;
import dev.winback.core.template.TemplateSetFormat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Template sets as JSON, {@code {"files": {"email.subject": "…", "email.de.text": "…"}}}: as stored,
 * and as operators send them (where {@code campaignId} may stand beside the files).
 */
public final class JsonTemplateSets implements TemplateSetFormat {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    /** An operator's request: the set (and the campaign it names, if any), or every problem of its shape. */
    public sealed interface Reading {
        record Valid(Optional<String> campaignId, TemplateSet set) implements Reading {
        }

        record Invalid(List<TemplateProblem> problems) implements Reading {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    @Override
    public String write(TemplateSet set) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> file : set.files().entrySet()) g.writeStringField(file.getKey(), file.getValue());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public Optional<TemplateSet> read(String text) {
        return request(text) instanceof Reading.Valid valid ? Optional.of(valid.set()) : Optional.empty();
    }

    public Reading request(String body) {
        JsonNode root;
        try {
            root = TREE.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return new Reading.Invalid(List.of(new TemplateProblem("body", "not JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        if (root == null || !root.isObject()) {
            return new Reading.Invalid(List.of(new TemplateProblem("body", "must be an object with files")));
        }
        List<TemplateProblem> problems = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (!field.equals("files") && !field.equals("campaignId")) {
                problems.add(new TemplateProblem(field, "unknown field (files, campaignId)"));
            }
        });
        Optional<String> campaignId = Optional.empty();
        JsonNode campaign = root.get("campaignId");
        if (campaign != null) {
            if (campaign.isTextual()) campaignId = Optional.of(campaign.asText());
            else problems.add(new TemplateProblem("campaignId", "must be a string"));
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode node = root.get("files");
        if (node == null || !node.isObject()) {
            problems.add(new TemplateProblem("files", "must be an object of file names to Mustache sources"));
        } else {
            node.fields().forEachRemaining(file -> {
                if (file.getValue().isTextual()) files.put(file.getKey(), file.getValue().asText());
                else problems.add(new TemplateProblem("files." + file.getKey(), "must be a string"));
            });
        }
        return problems.isEmpty() ? new Reading.Valid(campaignId, new TemplateSet(files)) : new Reading.Invalid(problems);
    }

    /** The {@code version} of an activation's body, {@code {"version": n}}: empty unless a whole number from 0. */
    public Optional<Integer> version(String body) {
        try {
            JsonNode root = TREE.readTree(body == null ? "" : body);
            JsonNode version = root == null ? null : root.get("version");
            if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 0
                    || root.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(version.asInt());
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
