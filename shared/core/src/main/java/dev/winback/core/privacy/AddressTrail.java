package dev.winback.core.privacy;

import dev.winback.core.record.Profile;

import java.util.Optional;
import java.util.Set;

/**
 * What leads to a customer's addresses in their stored data.
 *
 * @param profile        the record's profile, while the record is there
 * @param remindedHashes the hashes of every address the record was ever indexed under (under the
 *                       key of the secret at the time)
 */
public record AddressTrail(Optional<Profile> profile, Set<String> remindedHashes) {
}
