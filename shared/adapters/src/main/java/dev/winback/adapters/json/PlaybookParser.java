package dev.winback.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookCheck;
import dev.winback.core.playbook.PlaybookProblem;
import dev.winback.core.playbook.PlaybookRule;
import dev.winback.core.playbook.PlaybookVersion;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.RetentionAction;
import dev.winback.core.playbook.RuleConditions;
import dev.winback.core.record.SignalType;
import dev.winback.core.record.Strength;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a playbook from JSON with the tree model: the shape here (types, names, unknown fields,
 * version format), the product rules in {@link PlaybookCheck}. Every problem is reported with its
 * path, and a rule with a broken part still counts for coverage, so one typo yields one message.
 */
public final class PlaybookParser {

    private static final Set<String> ROOT_FIELDS = Set.of("version", "note", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("signal", "when", "actions", "note");
    private static final Set<String> CONDITION_FIELDS = Set.of("minStrength", "engagedElsewhereWithinDays");
    private static final Set<String> ACTION_FIELDS = Set.of("action", "campaign", "channels", "purpose");

    public PlaybookReading read(String text, String source) {
        return switch (ContractJson.read(text)) {
            case ContractJson.JsonReading.Malformed malformed ->
                    new PlaybookReading.Invalid(source, List.of(new PlaybookProblem("$", malformed.problem())));
            case ContractJson.JsonReading.WellFormed wellFormed -> read(wellFormed.node(), source);
        };
    }

    private PlaybookReading read(JsonNode root, String source) {
        List<PlaybookProblem> problems = new ArrayList<>();
        if (!root.isObject()) {
            return new PlaybookReading.Invalid(source, List.of(new PlaybookProblem("$", "must be a JSON object, not " + kind(root))));
        }
        unknownFields(root, "", ROOT_FIELDS, "a playbook has version, note and rules", problems);
        optionalText(root, "note", "note", problems);
        Optional<PlaybookVersion> version = version(root.get("version"), problems);
        JsonNode rulesNode = root.get("rules");
        SortedMap<Integer, PlaybookRule> rules = new TreeMap<>();
        if (rulesNode == null) {
            problems.add(new PlaybookProblem("rules", "is required"));
        } else if (!rulesNode.isArray()) {
            problems.add(new PlaybookProblem("rules", "must be an array of rules, not " + kind(rulesNode)));
        } else {
            Set<SignalType> named = EnumSet.noneOf(SignalType.class);
            for (int i = 0; i < rulesNode.size(); i++) {
                int before = problems.size();
                Optional<PlaybookRule> rule = rule(rulesNode.get(i), "rules[" + i + "]", named, problems);
                if (rule.isPresent() && problems.size() == before) rules.put(i, rule.get());
            }
            problems.addAll(PlaybookCheck.problems(rules, named));
        }
        if (!problems.isEmpty()) return new PlaybookReading.Invalid(source, problems);
        return new PlaybookReading.Valid(new Playbook(version.orElseThrow(), List.copyOf(rules.values())));
    }

    private static Optional<PlaybookVersion> version(JsonNode node, List<PlaybookProblem> problems) {
        if (node == null) {
            problems.add(new PlaybookProblem("version", "is required"));
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add(new PlaybookProblem("version", "must be a string, not " + kind(node)));
            return Optional.empty();
        }
        Optional<PlaybookVersion> version = PlaybookVersion.parse(node.textValue());
        if (version.isEmpty()) {
            problems.add(new PlaybookProblem("version", "unsupported version format \"" + node.textValue()
                    + "\"; must be " + PlaybookVersion.FORMAT));
        }
        return version;
    }

    /** The rule, if every part of it could be read; its signal is added to {@code named} if that much could. */
    private static Optional<PlaybookRule> rule(JsonNode node, String where, Set<SignalType> named,
                                               List<PlaybookProblem> problems) {
        if (!node.isObject()) {
            problems.add(new PlaybookProblem(where, "must be an object, not " + kind(node)));
            return Optional.empty();
        }
        unknownFields(node, where + ".", RULE_FIELDS, "a rule has signal, when, actions and note", problems);
        Optional<SignalType> signal = name(node, where, "signal", SignalType.class, "signal", problems);
        signal.ifPresent(named::add);
        Optional<RuleConditions> when = conditions(node.get("when"), where + ".when", problems);
        String note = optionalText(node, where + ".note", "note", problems);
        List<PlannedAction> actions = new ArrayList<>();
        JsonNode actionsNode = node.get("actions");
        if (actionsNode == null) {
            problems.add(new PlaybookProblem(where + ".actions", "is required"));
        } else if (!actionsNode.isArray()) {
            problems.add(new PlaybookProblem(where + ".actions", "must be an array of actions, not " + kind(actionsNode)));
        } else {
            for (int j = 0; j < actionsNode.size(); j++) {
                action(actionsNode.get(j), where + ".actions[" + j + "]", problems).ifPresent(actions::add);
            }
        }
        if (signal.isEmpty() || when.isEmpty()) return Optional.empty();
        return Optional.of(new PlaybookRule(signal.get(), when.get(), actions, note));
    }

    private static Optional<RuleConditions> conditions(JsonNode node, String where, List<PlaybookProblem> problems) {
        if (node == null) return Optional.of(RuleConditions.ALWAYS);
        if (!node.isObject()) {
            problems.add(new PlaybookProblem(where, "must be an object, not " + kind(node)));
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(node, where + ".", CONDITION_FIELDS,
                "a condition is minStrength or engagedElsewhereWithinDays", problems);
        Optional<Strength> minStrength = node.has("minStrength")
                ? name(node, where, "minStrength", Strength.class, "strength", problems) : Optional.empty();
        Optional<Integer> days = Optional.empty();
        JsonNode daysNode = node.get("engagedElsewhereWithinDays");
        if (daysNode != null) {
            if (daysNode.isIntegralNumber() && daysNode.canConvertToInt()
                    && daysNode.intValue() >= 1 && daysNode.intValue() <= RuleConditions.MAX_DAYS) {
                days = Optional.of(daysNode.intValue());
            } else {
                problems.add(new PlaybookProblem(where + ".engagedElsewhereWithinDays",
                        "must be a whole number of days from 1 to " + RuleConditions.MAX_DAYS));
            }
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new RuleConditions(minStrength, days));
    }

    private static Optional<PlannedAction> action(JsonNode node, String where, List<PlaybookProblem> problems) {
        if (!node.isObject()) {
            problems.add(new PlaybookProblem(where, "must be an object, not " + kind(node)));
            return Optional.empty();
        }
        int before = problems.size();
        unknownFields(node, where + ".", ACTION_FIELDS, "an action has action, campaign, channels and purpose", problems);
        Optional<RetentionAction> action = name(node, where, "action", RetentionAction.class, "action", problems);
        Optional<String> campaign = requiredText(node, where, "campaign", problems);
        Optional<Purpose> purpose = messagePurpose(node, where, problems);
        List<Channel> channels = new ArrayList<>();
        JsonNode channelsNode = node.get("channels");
        if (channelsNode != null && !channelsNode.isArray()) {
            problems.add(new PlaybookProblem(where + ".channels", "must be an array of channel names, not "
                    + kind(channelsNode)));
        } else if (channelsNode != null) {
            for (int k = 0; k < channelsNode.size(); k++) {
                channel(channelsNode.get(k), where + ".channels[" + k + "]", problems).ifPresent(channels::add);
            }
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new PlannedAction(action.orElseThrow(), campaign.orElseThrow(), channels, purpose.orElseThrow()));
    }

    private static Optional<Channel> channel(JsonNode node, String where, List<PlaybookProblem> problems) {
        if (!node.isTextual()) {
            problems.add(new PlaybookProblem(where, "must be a channel name, not " + kind(node)));
            return Optional.empty();
        }
        Optional<Channel> channel = WireNames.lookup(Channel.class, node.textValue());
        if (channel.isEmpty()) {
            problems.add(new PlaybookProblem(where, "unknown channel \"" + node.textValue() + "\"; expected one of: "
                    + WireNames.all(Channel.class)));
        }
        return channel;
    }

    /** A required field naming a constant of {@code type}, e.g. a signal or an action. */
    private static <E extends Enum<E>> Optional<E> name(JsonNode parent, String where, String field, Class<E> type,
                                                       String what, List<PlaybookProblem> problems) {
        Optional<String> text = requiredText(parent, where, field, problems);
        if (text.isEmpty()) return Optional.empty();
        Optional<E> constant = WireNames.lookup(type, text.get());
        if (constant.isEmpty()) {
            problems.add(new PlaybookProblem(where + "." + field, "unknown " + what + " \"" + text.get()
                    + "\"; expected one of: " + WireNames.all(type)));
        }
        return constant;
    }

    /** An action's purpose: advertising is a consent purpose only, never a message's. */
    private static Optional<Purpose> messagePurpose(JsonNode parent, String where, List<PlaybookProblem> problems) {
        Optional<String> text = requiredText(parent, where, "purpose", problems);
        if (text.isEmpty()) return Optional.empty();
        Optional<Purpose> purpose = WireNames.lookup(Purpose.class, text.get()).filter(Purpose::ofMessages);
        if (purpose.isEmpty()) {
            problems.add(new PlaybookProblem(where + ".purpose", "unknown purpose \"" + text.get()
                    + "\"; expected one of: " + String.join(", ", Purpose.OF_MESSAGES.stream().map(Purpose::wireName).toList())));
        }
        return purpose;
    }

    private static Optional<String> requiredText(JsonNode parent, String where, String field,
                                                 List<PlaybookProblem> problems) {
        JsonNode node = parent.get(field);
        if (node == null) {
            problems.add(new PlaybookProblem(where + "." + field, "is required"));
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add(new PlaybookProblem(where + "." + field, "must be a string, not " + kind(node)));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private static String optionalText(JsonNode parent, String where, String field, List<PlaybookProblem> problems) {
        JsonNode node = parent.get(field);
        if (node == null) return "";
        if (!node.isTextual()) {
            problems.add(new PlaybookProblem(where, "must be a string, not " + kind(node)));
            return "";
        }
        return node.textValue();
    }

    private static void unknownFields(JsonNode object, String prefix, Set<String> known, String hint,
                                      List<PlaybookProblem> problems) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                problems.add(new PlaybookProblem(prefix + name, "unknown field; " + hint));
            }
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY, MISSING, POJO -> "a " + WireNames.wireName(node.getNodeType());
        };
    }
}
