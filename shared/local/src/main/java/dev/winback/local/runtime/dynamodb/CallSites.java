package dev.winback.local.runtime.dynamodb;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A diagnostic: the embedded client's calls counted by where they came from, to find the requests
 * worth saving. Off unless the JVM runs with {@code -Dwinback.calls.bySite=true}, since walking the
 * stack on every call costs time. A site is the operation, the DynamoDB adapter method that made the
 * call, and the first two methods outside the adapters' DynamoDB package that led to it.
 */
public final class CallSites {

    static final boolean ENABLED = Boolean.getBoolean("winback.calls.bySite");
    private static final String ADAPTERS = "dev.winback.adapters.dynamodb.";
    private static final String OURS = "dev.winback.";
    private static final String CONCURRENT = "dev.winback.core.concurrent.";
    /** How many methods outside the adapters a site names, nearest first. */
    private static final int CALLERS = 2;
    private static final String HERE = CallSites.class.getPackageName() + ".";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    private CallSites() {
    }

    static void called(String operation) {
        if (!ENABLED) return;
        CALLS.computeIfAbsent(operation + " " + site(), k -> new LongAdder()).increment();
    }

    public static void reset() {
        CALLS.clear();
    }

    /** The sites busiest first, down to those with at least {@code least} calls; nothing when off. */
    public static void print(PrintStream out, long least) {
        if (!ENABLED) return;
        out.println("AWS requests by site (operation, adapter method, caller):");
        Map<String, Long> counts = CALLS.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= least)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf(Locale.ROOT, "  %,9d  %s%n", e.getValue(), e.getKey()));
    }

    private static String site() {
        return WALKER.walk(frames -> {
            String adapter = "-";
            List<String> callers = new ArrayList<>();
            for (var iterator = frames.iterator(); iterator.hasNext() && callers.size() < CALLERS; ) {
                StackWalker.StackFrame frame = iterator.next();
                String type = frame.getClassName();
                if (!type.startsWith(OURS) || type.startsWith(HERE) || type.startsWith(CONCURRENT)) continue;
                String method = simple(type) + "." + frame.getMethodName();
                if (type.startsWith(ADAPTERS) && callers.isEmpty()) {
                    if (adapter.equals("-")) adapter = method;
                    continue;
                }
                if (callers.isEmpty() || !callers.getLast().equals(method)) callers.add(method);
            }
            return adapter + " <- " + (callers.isEmpty() ? "?" : String.join(" <- ", callers));
        });
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
