package dev.winback.core.feedback;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an inbound text message asks for. The carriers' STOP family, matched on the whole message
 * (any case, punctuation and spacing), and plain-language revocations ("stop texting me", "please
 * unsubscribe me", "don't text me again"): when in doubt between a revocation and a reply, the
 * customer is taken at their word and withdrawn. START and UNSTOP opt back in (a bare YES does not:
 * it answers whatever was asked last, not a re-subscription); HELP and INFO ask
 * for help; anything else is a reply for a person to read.
 */
public final class SmsKeywords {

    public enum Intent { STOP, START, HELP, REPLY }

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END",
            "QUIT", "OPTOUT", "OPT OUT", "OPT-OUT", "REVOKE", "REMOVE", "ARRET", "ARRÊT", "BAJA", "PARAR", "ALTO");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "SUBSCRIBE", "OPTIN", "OPT IN", "OPT-IN");
    static final Set<String> HELP_WORDS = Set.of("HELP", "INFO", "AIDE", "AYUDA");

    private static final List<Pattern> REVOCATIONS = List.of(
            Pattern.compile("\\b(stop|quit|cease|no more|don'?t|do not|never)\\b.{0,30}\\b(text|texting|sms|messag\\w*|contact\\w*|send\\w*|spam\\w*)"),
            Pattern.compile("\\b(unsubscribe|opt me out|opt out|remove me|take me off|leave me alone)\\b"),
            Pattern.compile("\\b(stop|quit)\\b\\s*(it|now|please|pls|already)?\\s*$"),
            Pattern.compile("^\\s*(please\\s+)?stop\\b"));

    private SmsKeywords() {
    }

    public static Intent classify(String body) {
        if (body == null) return Intent.REPLY;
        String text = Normalizer.normalize(body, Normalizer.Form.NFKC).strip();
        String word = text.toUpperCase(Locale.ROOT).replaceAll("[\\p{Punct}&&[^-]]", "").replaceAll("\\s+", " ").strip();
        if (STOP_WORDS.contains(word)) return Intent.STOP;
        if (START_WORDS.contains(word)) return Intent.START;
        if (HELP_WORDS.contains(word)) return Intent.HELP;
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Pattern revocation : REVOCATIONS) {
            if (revocation.matcher(lower).find()) return Intent.STOP;
        }
        return Intent.REPLY;
    }
}
