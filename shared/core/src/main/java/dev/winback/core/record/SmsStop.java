package dev.winback.core.record;

import java.util.Set;

/**
 * A STOP texted from the customer's phone is the strongest withdrawal there is: only a START from
 * that phone, or a fresh explicit opt-in that carries its own evidence, may re-open the channel.
 * A preference link (which may have been forwarded), an operator, or a bare "yes" cannot, whatever
 * their timestamps say.
 */
public final class SmsStop {

    /** The consent source of the STOP and START keywords texted from the customer's phone. */
    public static final String KEYWORD_SOURCE = "sms-keyword";
    /** Sources that act on a link or on someone's behalf: never evidence of an opt-in of their own. */
    private static final Set<String> NOT_EVIDENCE = Set.of("preference-centre", "admin-api", "one-click", "complaint");

    private SmsStop() {
    }

    /** Whether this consent is a STOP keyword's withdrawal. */
    public static boolean isStop(Stamped<ConsentGrant> consent) {
        return consent != null && !consent.value().granted() && KEYWORD_SOURCE.equals(consent.value().source());
    }

    /** Whether a grant may replace a STOP: a START from the phone, or an evidenced explicit opt-in. */
    public static boolean reopens(ConsentGrant grant) {
        if (!grant.granted()) return false;
        if (KEYWORD_SOURCE.equals(grant.source())) return true;
        return grant.evidenced() && !NOT_EVIDENCE.contains(grant.source());
    }

    /**
     * The merge of two consent stamps, with a STOP beating any grant that cannot re-open it in
     * either order of arrival; otherwise {@link Stamped#latestWithdrawalFirst}.
     */
    static Stamped<ConsentGrant> merge(Stamped<ConsentGrant> current, Stamped<ConsentGrant> candidate) {
        if (current == null) return candidate;
        if (candidate == null) return current;
        if (isStop(current) && candidate.value().granted() && !reopens(candidate.value())) return current;
        if (isStop(candidate) && current.value().granted() && !reopens(current.value())) return candidate;
        if (isStop(current) != isStop(candidate) && !current.value().granted() && !candidate.value().granted()) {
            // Another withdrawal (a CRM echoing the STOP, say) must not turn a STOP into a plain
            // withdrawal that a preference link could then lift: the STOP stays, as late as either.
            Stamped<ConsentGrant> stop = isStop(current) ? current : candidate;
            return new Stamped<>(stop.value(), Instants.max(current.at(), candidate.at()),
                    Instants.max(current.received(), candidate.received()));
        }
        return Stamped.latestWithdrawalFirst(current, candidate, c -> !c.granted(), ConsentGrant.PRECEDENCE);
    }
}
