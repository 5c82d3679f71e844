package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionLogParserTest {

    @Test
    void parse_cdnowLayout_takesTheMasterIdAndTheDay() {
        List<Transaction> parsed = TransactionLogParser.parse(List.of(
                " 00004 0001 19970101  2   29.33",
                " 00004 0001 19970118  2   29.73"));

        assertThat(parsed).containsExactly(
                new Transaction("0001", LocalDate.of(1997, 1, 1), new BigDecimal("29.33")),
                new Transaction("0001", LocalDate.of(1997, 1, 18), new BigDecimal("29.73")));
    }

    @Test
    void parse_plainCsvWithHeaderAndEitherDateForm() {
        List<Transaction> parsed = TransactionLogParser.parse(List.of(
                "customerId,date,amount",
                "c-1,2024-03-05,10.00",
                "",
                "# refunds are purchases too for the model",
                "c-2 , 20240306 , -3.5"));

        assertThat(parsed).containsExactly(
                new Transaction("c-1", LocalDate.of(2024, 3, 5), new BigDecimal("10.00")),
                new Transaction("c-2", LocalDate.of(2024, 3, 6), new BigDecimal("-3.5")));
    }

    @Test
    void parse_wholeCdnowSample() {
        List<Transaction> parsed = TransactionLogParser.parse(CdnowData.transactionLog());

        assertThat(parsed).hasSize(6919);
        assertThat(parsed.stream().map(Transaction::customerId).distinct().count()).isEqualTo(2357);
    }

    @Test
    void parse_badDate_namesTheLine() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("c-1,2024-03-05,1", "c-1,2024-13-05,1")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("2024-13-05");
    }

    @Test
    void parse_wrongNumberOfColumns_namesTheLine() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("c-1,2024-03-05,1", "", "c-1,2024-03-05")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("found 2");
    }

    @Test
    void parse_badAmount_namesTheLine() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("c-1,2024-03-05,ten")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("'ten'");
    }

    @Test
    void parse_cdnowMasterLayout_idDateQuantityAmount() {
        List<Transaction> parsed = TransactionLogParser.parse(List.of(
                "00001 19970101 1  11.77",
                "00002 19970112 6  89.00"));

        assertThat(parsed).containsExactly(
                new Transaction("00001", LocalDate.of(1997, 1, 1), new BigDecimal("11.77")),
                new Transaction("00002", LocalDate.of(1997, 1, 12), new BigDecimal("89.00")));
    }

    @Test
    void parse_csvWithHeader_findsTheColumnsByName() {
        List<Transaction> parsed = TransactionLogParser.parse(List.of(
                "Order Date,Quantity,\"Customer_ID\",Country,Revenue",
                "2024-03-05T10:15:00Z,2,\"c 1\",NL,19.90",
                "2024-03-06 09:00:00,1,c-2,DE,5"));

        assertThat(parsed).containsExactly(
                new Transaction("c 1", LocalDate.of(2024, 3, 5), new BigDecimal("19.90")),
                new Transaction("c-2", LocalDate.of(2024, 3, 6), new BigDecimal("5")));
    }

    @Test
    void parse_headerWithoutAnAmount_namesWhatIsMissingAndWhatIsAccepted() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("# export", "customer_id,order_date,country", "c,2024-01-01,NL")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("lacks an amount")
                .hasMessageContaining("revenue");
    }

    @Test
    void parse_rowNotAsWideAsTheHeader_namesTheLine() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("id,date,qty,amount", "c,2024-01-01,1,3", "c,2024-01-02,4")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("expected 4 columns as in the header, found 3");
    }

    @Test
    void parse_badQuantity_namesTheLine() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("00001 19970101 one 11.77")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("quantity 'one'");
    }

    @Test
    void parse_sixColumnsWithoutHeader_listsTheLayouts() {
        assertThatThrownBy(() -> TransactionLogParser.parse(List.of("a b 19970101 1 2 3")))
                .isInstanceOf(MalformedTransactionLogException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("CDNow master")
                .hasMessageContaining("found 6");
    }
}
