package dev.winback.adapters.json;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.imports.ImportLine;
import dev.winback.core.imports.SuppressionListLine;
import dev.winback.core.imports.SuppressionRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a suppression or consent list exported from another system: CSV with a header naming its
 * columns in any order, {@code email} and/or {@code phone} (one address per row), and optionally
 * {@code channel} (email for an email address, sms for a number), {@code purpose} (marketing, the
 * default, or transactional), {@code status} (withdrawn, the default, or granted), {@code date} (an
 * ISO-8601 instant or a day) and the evidence a grant needs, {@code ip_address} or {@code message_id}.
 * Other columns are ignored (lists carry names, list ids, …). Fields may be quoted. Reasons name the
 * column, never the value.
 */
public final class SuppressionListCsv {

    static final Set<String> WITHDRAWN = Set.of("withdrawn", "opted_out", "optout", "unsubscribed", "suppressed");
    static final Set<String> GRANTED = Set.of("granted", "opted_in", "optin", "subscribed");

    /** The rows of a file whose first line is the header; nothing is read before the iterator is consumed. */
    public Iterator<SuppressionListLine> read(Iterator<String> lines) {
        if (!lines.hasNext()) return List.<SuppressionListLine>of().iterator();
        String headerLine = lines.next();
        List<String> header = fields(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i), i);
        boolean usable = columns.containsKey("email") || columns.containsKey("phone");
        return new Iterator<>() {
            long number = 1;

            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public SuppressionListLine next() {
                String line = lines.next();
                number++;
                if (line.isBlank()) return new SuppressionListLine.Decided(new ImportLine.Blank(number));
                if (!usable) return rejected(number, "the header (line 1) names neither an email nor a phone column");
                return row(number, fields(line), columns);
            }
        };
    }

    private static SuppressionListLine row(long number, List<String> cells, Map<String, Integer> columns) {
        Optional<String> email = cell(cells, columns, "email");
        Optional<String> phone = cell(cells, columns, "phone");
        if (email.isPresent() == phone.isPresent()) {
            return rejected(number, email.isPresent() ? "email, phone: give one address per row" : "email, phone: both are empty");
        }
        Channel addressChannel = email.isPresent() ? Channel.EMAIL : Channel.SMS;
        String address = email.orElseGet(phone::get);
        Optional<String> problem = (email.isPresent() ? ContractRules.EMAIL : ContractRules.PHONE).problemWith(address);
        if (problem.isPresent()) return rejected(number, (email.isPresent() ? "email" : "phone") + ": " + problem.get());

        Optional<String> channel = cell(cells, columns, "channel").map(c -> c.toLowerCase(Locale.ROOT));
        if (channel.isPresent() && !channel.get().equals(addressChannel.wireName())) {
            return rejected(number, "channel: must be " + addressChannel.wireName() + " for "
                    + (email.isPresent() ? "an email address" : "a phone number"));
        }
        String purposeName = cell(cells, columns, "purpose").map(p -> p.toLowerCase(Locale.ROOT)).orElse("marketing");
        Optional<Purpose> purpose = List.of(Purpose.values()).stream().filter(p -> p.wireName().equals(purposeName)).findFirst();
        if (purpose.isEmpty()) return rejected(number, "purpose: must be marketing or transactional");
        String status = cell(cells, columns, "status").map(s -> s.toLowerCase(Locale.ROOT)).orElse("withdrawn");
        if (!WITHDRAWN.contains(status) && !GRANTED.contains(status)) {
            return rejected(number, "status: must be withdrawn (opted_out, unsubscribed, suppressed) or granted (opted_in, subscribed)");
        }
        boolean granted = GRANTED.contains(status);
        Optional<String> dateText = cell(cells, columns, "date");
        Optional<Instant> date = dateText.flatMap(SuppressionListCsv::date);
        if (dateText.isPresent() && date.isEmpty()) {
            return rejected(number, "date: must be an ISO-8601 instant such as 2025-03-01T10:00:00Z, or a day such as 2025-03-01");
        }
        Optional<String> ipAddress = cell(cells, columns, "ip_address");
        if (ipAddress.isPresent() && !ContractRules.IP_ADDRESS.accepts(ipAddress.get())) {
            return rejected(number, "ip_address: " + ContractRules.IP_ADDRESS.problemWith(ipAddress.get()).orElseThrow());
        }
        Optional<String> messageId = cell(cells, columns, "message_id");
        if (messageId.isPresent() && !ContractRules.NAME.accepts(messageId.get())) {
            return rejected(number, "message_id: " + ContractRules.NAME.problemWith(messageId.get()).orElseThrow());
        }
        if (granted && (date.isEmpty() || (ipAddress.isEmpty() && messageId.isEmpty()))) {
            return rejected(number, "status: a grant needs its date and its evidence (ip_address or message_id); "
                    + "without them it is not imported");
        }
        return new SuppressionRow(number, addressChannel, address, purpose.get(), granted, date, ipAddress, messageId);
    }

    private static SuppressionListLine rejected(long number, String reason) {
        return new SuppressionListLine.Decided(new ImportLine.Rejected(number, reason));
    }

    private static Optional<String> cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= cells.size()) return Optional.empty();
        String value = cells.get(index).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Instant> date(String text) {
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The fields of one CSV line (RFC 4180 quoting, without line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
