package dev.winback.adapters.phone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTimeZonesTest {

    final PhoneNumberTimeZones guess = new PhoneNumberTimeZones();

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "+12125550123, America/New_York",
            "+13105550123, America/Los_Angeles",
            "+18085550123, Pacific/Honolulu",
            "+81312345678, Asia/Tokyo",
            "+4930123456, Europe/Berlin",
    })
    void aNumberWhosePrefixNamesAPlaceHasItsZone(String phone, String zone) {
        assertThat(guess.zonesFor(phone)).containsExactly(ZoneId.of(zone));
    }

    @Test
    void aMobileNumberOfACountryWithManyZonesMayBeInAnyOfThem() {
        assertThat(guess.zonesFor("+79123456789")).hasSizeGreaterThan(1)
                .contains(ZoneId.of("Europe/Moscow"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a number", "12345", "+999123"})
    void aNumberItCannotPlaceYieldsNothing(String phone) {
        assertThat(guess.zonesFor(phone)).isEmpty();
    }
}
