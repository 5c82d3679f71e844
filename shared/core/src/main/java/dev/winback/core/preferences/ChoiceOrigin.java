package dev.winback.core.preferences;

import java.util.Objects;
import java.util.Optional;

/**
 * Who made a choice, for the consent log: the customer on their signed link (with the address the
 * request came from as evidence) or an operator through the IAM-protected API on their behalf.
 */
public record ChoiceOrigin(String source, Optional<String> ipAddress) {

    public static final String PREFERENCE_CENTRE = "preference-centre";
    public static final String ADMIN_API = "admin-api";
    /** The wording of the centre's channel choices; a new wording needs a new version. */
    public static final String WORDING_VERSION = "preference-centre-v1";

    public ChoiceOrigin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }

    public static ChoiceOrigin centre(Optional<String> ipAddress) {
        return new ChoiceOrigin(PREFERENCE_CENTRE, ipAddress);
    }

    /** An operator's address is no evidence of what the customer said, so none is kept. */
    public static ChoiceOrigin admin() {
        return new ChoiceOrigin(ADMIN_API, Optional.empty());
    }
}
