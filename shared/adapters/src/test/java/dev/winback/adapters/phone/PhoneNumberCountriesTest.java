package dev.winback.adapters.phone;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneNumberCountriesTest {

    private final PhoneNumberCountries countries = new PhoneNumberCountries();

    @Test
    void aNumbersCountryComesFromItsNumberingPlan() {
        assertEquals(Optional.of("DE"), countries.of("+4915112345678"));
        assertEquals(Optional.of("GB"), countries.of("+442079460000"));
        assertEquals(Optional.of("US"), countries.of("+12125550123"), "+1 by its area code");
        assertEquals(Optional.of("CA"), countries.of("+14165550123"));
    }

    @Test
    void aNumberItCannotPlaceHasNoCountry() {
        assertEquals(Optional.empty(), countries.of("not a number"));
        assertEquals(Optional.empty(), countries.of("+999123"));
    }
}
