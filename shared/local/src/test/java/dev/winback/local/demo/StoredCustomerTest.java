package dev.winback.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredCustomerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StoredCustomer read(String json) throws Exception {
        return StoredCustomer.from(JSON.readTree(json));
    }

    @Test
    void from_readsPlatformsPurchasesAndSubscriptions() throws Exception {
        StoredCustomer customer = read("""
                {"customerId":"c-1",
                 "platforms":{"WEB":{"count":3},"app":{"lastSeen":"2026-11-01T00:00:00Z"},"store":{"count":0}},
                 "purchases":{"orders":5},
                 "channels":{"email":{"subscription":{"value":"UNSUBSCRIBED"}},"sms":{"subscription":"subscribed"},
                             "push":{}}}""");

        assertThat(customer.platformMix()).isEqualTo("app+web");
        assertThat(customer.purchases()).isEqualTo(5);
        assertThat(customer.purchaseBucket()).isEqualTo("4-9");
        assertThat(customer.subscriptions()).isEqualTo(Map.of(
                "email", "unsubscribed", "sms", "subscribed", "push", StoredCustomer.UNKNOWN));
    }

    @Test
    void from_whenFieldsAreAbsent_countsNoneAndZero() throws Exception {
        StoredCustomer customer = read("{\"customerId\":\"c-2\"}");
        assertThat(customer.platformMix()).isEqualTo("none");
        assertThat(customer.purchases()).isZero();
        assertThat(customer.subscriptions()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "2, 2-3", "3, 2-3", "4, 4-9", "9, 4-9", "10, 10+", "250, 10+"})
    void purchaseBucket_separatesOneOffBuyersFromRegulars(long purchases, String bucket) {
        assertThat(new StoredCustomer("none", purchases, Map.of()).purchaseBucket()).isEqualTo(bucket);
    }
}
