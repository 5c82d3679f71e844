package dev.winback.core.feedback;

import java.util.List;

/** Who gave an address or a number (the contact index, by keyed hash). */
public interface ContactOwners {
    List<String> ownersOfEmail(String address);

    List<String> ownersOfPhone(String e164);
}
