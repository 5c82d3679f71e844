package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.SignalType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a playbook must keep, each a product decision: every signal has a rule (doing nothing
 * must be said, not forgotten); no rule hides behind an earlier one; a channel the signal closed is
 * never planned for marketing; permission renewal only where the customer is likely to engage; one
 * transition never asks for the same campaign twice. Lists every problem, not the first.
 */
public final class PlaybookCheck {

    public static final String CAMPAIGN_RULE = "must be 1 to 64 characters of a-z, 0-9 and -, starting with a letter or digit";
    private static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private PlaybookCheck() {
    }

    public static List<PlaybookProblem> problems(List<PlaybookRule> rules) {
        SortedMap<Integer, PlaybookRule> byPosition = new TreeMap<>();
        Set<SignalType> named = EnumSet.noneOf(SignalType.class);
        for (int i = 0; i < rules.size(); i++) {
            byPosition.put(i, rules.get(i));
            named.add(rules.get(i).signal());
        }
        return problems(byPosition, named);
    }

    /**
     * For a playbook read in part: the rules that could be read, by position, and every signal some
     * rule names (even a rule that could not be read covers its signal, so the reader is not told
     * twice about the same mistake).
     */
    public static List<PlaybookProblem> problems(SortedMap<Integer, PlaybookRule> rulesByPosition,
                                                 Set<SignalType> namedSignals) {
        List<PlaybookProblem> problems = new ArrayList<>();
        for (Map.Entry<Integer, PlaybookRule> entry : rulesByPosition.entrySet()) {
            String where = "rules[" + entry.getKey() + "]";
            shadowing(where, entry.getValue(), rulesByPosition.headMap(entry.getKey()), problems);
            actions(where, entry.getValue(), problems);
        }
        for (SignalType type : SignalType.values()) {
            if (!namedSignals.contains(type)) {
                problems.add(new PlaybookProblem("rules", "no rule for signal " + type.wireName()
                        + "; every signal needs one (use the action none to do nothing on purpose)"));
            }
        }
        return List.copyOf(problems);
    }

    private static void shadowing(String where, PlaybookRule rule, SortedMap<Integer, PlaybookRule> earlier,
                                  List<PlaybookProblem> problems) {
        for (Map.Entry<Integer, PlaybookRule> entry : earlier.entrySet()) {
            PlaybookRule first = entry.getValue();
            if (first.signal() != rule.signal() || !first.when().covers(rule.when())) continue;
            String other = "rules[" + entry.getKey() + "]";
            problems.add(new PlaybookProblem(where, rule.when().covers(first.when())
                    ? "duplicates " + other + " (same signal and conditions), so it never applies"
                    : "never applies: " + other + " comes first and matches every " + rule.signal().wireName()
                    + " signal this rule would"));
            return;
        }
    }

    private static void actions(String where, PlaybookRule rule, List<PlaybookProblem> problems) {
        List<PlannedAction> actions = rule.actions();
        if (actions.isEmpty()) {
            problems.add(new PlaybookProblem(where + ".actions",
                    "must list at least one action (use none to do nothing on purpose)"));
        }
        if (actions.size() > 1 && actions.stream().anyMatch(a -> a.action() == RetentionAction.NONE)) {
            problems.add(new PlaybookProblem(where + ".actions", "none must be the only action of its rule"));
        }
        for (int j = 0; j < actions.size(); j++) {
            String at = where + ".actions[" + j + "]";
            PlannedAction action = actions.get(j);
            if (!CAMPAIGN.matcher(action.campaignId()).matches()) {
                problems.add(new PlaybookProblem(at + ".campaign", CAMPAIGN_RULE));
            }
            for (int k = 0; k < j; k++) {
                if (actions.get(k).action() == action.action() && actions.get(k).campaignId().equals(action.campaignId())) {
                    problems.add(new PlaybookProblem(at, "repeats actions[" + k
                            + "] (same action and campaign): one signal would request it twice"));
                }
            }
            channels(at, rule.signal(), action, problems);
            if (action.action() == RetentionAction.PERMISSION_RENEWAL && rule.when().engagedElsewhereWithinDays().isEmpty()) {
                problems.add(new PlaybookProblem(at, "permission_renewal needs the condition engagedElsewhereWithinDays:"
                        + " ask for a permission back only where the customer is likely to engage"));
            }
        }
    }

    private static void channels(String at, SignalType signal, PlannedAction action, List<PlaybookProblem> problems) {
        String where = at + ".channels";
        String name = action.action().wireName();
        List<Channel> channels = action.channels();
        if (action.action().needsChannels() && channels.isEmpty()) {
            problems.add(new PlaybookProblem(where, name + " needs at least one channel"));
        }
        if (!action.action().needsChannels() && !channels.isEmpty()) {
            problems.add(new PlaybookProblem(where, name + " takes no channels"));
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        Set<Channel> repeated = new LinkedHashSet<>();
        Set<Channel> unusable = new LinkedHashSet<>();
        Set<Channel> closed = new LinkedHashSet<>();
        for (Channel channel : channels) {
            if (!seen.add(channel)) repeated.add(channel);
            if (action.action().needsChannels() && !action.action().usableChannels().contains(channel)) {
                unusable.add(channel);
            }
            if (action.purpose() == Purpose.MARKETING && SignalChannels.lost(signal).contains(channel)) {
                closed.add(channel);
            }
        }
        if (!repeated.isEmpty()) {
            problems.add(new PlaybookProblem(where, "lists " + names(repeated) + " more than once"));
        }
        if (!unusable.isEmpty()) {
            problems.add(new PlaybookProblem(where, name + " can only use " + names(action.action().usableChannels())
                    + ", not " + names(unusable)));
        }
        if (!closed.isEmpty()) {
            problems.add(new PlaybookProblem(where, signal.wireName() + " means the customer closed " + names(closed)
                    + ": never plan it for marketing"));
        }
    }

    private static String names(Set<Channel> channels) {
        return channels.stream().map(Channel::wireName).collect(Collectors.joining(", "));
    }
}
