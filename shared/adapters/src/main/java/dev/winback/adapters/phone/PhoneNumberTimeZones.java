package dev.winback.adapters.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.winback.core.delivery.TimeZoneGuess;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones of a phone number, from libphonenumber's numbering-plan data: one zone where the
 * number's prefix names a place (most area codes), every zone of the country where it does not (a
 * mobile range in a country that spans several). Numbers are stored in E.164, so no default region
 * is assumed; a number it cannot place yields nothing and the caller's conservative window applies.
 */
public final class PhoneNumberTimeZones implements TimeZoneGuess {

    /** The tables load on the first number asked about, not at start-up (most functions never ask). */
    private static final class Tables {
        static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
        static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    }

    @Override
    public List<ZoneId> zonesFor(String phoneNumber) {
        PhoneNumber number;
        try {
            number = Tables.NUMBERS.parse(phoneNumber, "ZZ");
        } catch (NumberParseException e) {
            return List.of();
        }
        List<ZoneId> found = new ArrayList<>();
        for (String id : Tables.ZONES.getTimeZonesForNumber(number)) {
            if (id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) continue;
            try {
                found.add(ZoneId.of(id));
            } catch (DateTimeException e) {
                // A zone this JDK does not know: guess nothing rather than a subset of the zones.
                return List.of();
            }
        }
        return List.copyOf(found);
    }
}
