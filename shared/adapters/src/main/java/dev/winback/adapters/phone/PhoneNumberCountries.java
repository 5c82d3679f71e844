package dev.winback.adapters.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.winback.core.segment.PhoneCountry;

import java.util.Optional;

/**
 * The country of an E.164 phone number, from libphonenumber's numbering plans (+1 numbers by their
 * area code: the US, Canada or a Caribbean country). A number it cannot place has no country.
 */
public final class PhoneNumberCountries implements PhoneCountry {

    private static final String UNKNOWN_REGION = "ZZ";

    @Override
    public Optional<String> of(String phoneNumber) {
        try {
            String region = PhoneNumberUtil.getInstance().getRegionCodeForNumber(
                    PhoneNumberUtil.getInstance().parse(phoneNumber, UNKNOWN_REGION));
            return region == null || region.equals(UNKNOWN_REGION) ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
