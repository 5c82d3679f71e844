package dev.winback.local.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} and {@code --name=value} options of one subcommand, checked against what it accepts. */
public final class CliArgs {

    private final String command;
    private final Map<String, String> options;

    private CliArgs(String command, Map<String, String> options) {
        this.command = command;
        this.options = options;
    }

    public static CliArgs parse(String command, List<String> args, Set<String> accepted) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(command + ": unexpected argument \"" + arg + "\"");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (!accepted.contains(name)) {
                    throw unknown(command, name, accepted);
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException(command + ": --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!accepted.contains(name)) {
                throw unknown(command, name, accepted);
            }
            if (options.put(name, value) != null) {
                throw new UsageException(command + ": --" + name + " given twice");
            }
        }
        return new CliArgs(command, options);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public long number(String name, long fallback, long min, long max) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new UsageException(command + ": --" + name + " must be between " + min + " and " + max
                        + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got \"" + text + "\"");
        }
    }

    public Optional<Instant> instant(String name) {
        String text = options.get(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new UsageException(command + ": --" + name + " must be an ISO-8601 instant such as "
                    + "2026-11-23T00:00:00Z, got \"" + text + "\"");
        }
    }

    private static UsageException unknown(String command, String name, Set<String> accepted) {
        return new UsageException(command + ": unknown option --" + name
                + (accepted.isEmpty() ? "" : " (accepted: --" + String.join(", --", accepted.stream().sorted().toList()) + ")"));
    }
}
