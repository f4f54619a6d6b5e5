package io.cordee.core.cash;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The commands of cash (ADR 79): each valid case, each broken field with its code. */
class CashCommandsTest {

    private static final LocalDate ON = LocalDate.of(2026, 12, 3);
    private static final Money EUR_900 = Money.of(90_000, "EUR");
    private static final Money MAX = Money.of(10_000_000_000_000L, "EUR");
    private static final Money OVER_MAX = Money.of(10_000_000_000_001L, "EUR");

    @Nested
    class RecordBankBalance {

        @Test
        void aBalanceMayBeNegativeAndTheAccountLeftOut() {
            // an overdraft of 1,500.00 € is a fact to record, not an error
            RecordBankBalanceCommand c = new RecordBankBalanceCommand(null, ON, Money.of(-150_000, "EUR"));
            assertThat(c.accountId()).isNull();
            assertThat(c.amount().minorUnits()).isEqualTo(-150_000);
            BankAccountId account = new BankAccountId(new UUID(0, 3));
            assertThat(new RecordBankBalanceCommand(account, ON, Money.of(0, "EUR")).accountId()).isEqualTo(account);
            new RecordBankBalanceCommand(null, ON, Money.of(-10_000_000_000_000L, "EUR"));
        }

        @Test
        void eachBrokenFieldIsNamed() {
            refused(() -> new RecordBankBalanceCommand(null, null, EUR_900), "date", ErrorCode.REQUIRED);
            refused(() -> new RecordBankBalanceCommand(null, ON, null), "amount", ErrorCode.REQUIRED);
            refused(() -> new RecordBankBalanceCommand(null, LocalDate.of(1999, 12, 31), EUR_900), "date",
                    ErrorCode.OUT_OF_RANGE);
            refused(() -> new RecordBankBalanceCommand(null, ON, Money.of(-10_000_000_000_001L, "EUR")), "amount",
                    ErrorCode.OUT_OF_RANGE);
            refusedAll(() -> new RecordBankBalanceCommand(null, null, null), "date REQUIRED", "amount REQUIRED");
        }
    }

    @Nested
    class CreateOneOffExpense {

        @Test
        void aValidExpenseIsStripped() {
            CreateOneOffExpenseCommand c = new CreateOneOffExpenseCommand("  Laptops ", ON, EUR_900);
            assertThat(c.label()).isEqualTo("Laptops");
            assertThat(c.amount()).isEqualTo(EUR_900);
            new CreateOneOffExpenseCommand("x", LocalDate.of(2100, 12, 31), MAX);
        }

        @Test
        void eachBrokenFieldIsNamed() {
            refused(() -> new CreateOneOffExpenseCommand(" ", ON, EUR_900), "label", ErrorCode.REQUIRED);
            refused(() -> new CreateOneOffExpenseCommand("L".repeat(201), ON, EUR_900), "label", ErrorCode.TOO_LONG);
            refused(() -> new CreateOneOffExpenseCommand("x", null, EUR_900), "date", ErrorCode.REQUIRED);
            refused(() -> new CreateOneOffExpenseCommand("x", LocalDate.of(2101, 1, 1), EUR_900), "date",
                    ErrorCode.OUT_OF_RANGE);
            refused(() -> new CreateOneOffExpenseCommand("x", ON, null), "amount", ErrorCode.REQUIRED);
            assertThat(refused(() -> new CreateOneOffExpenseCommand("x", ON, Money.of(0, "EUR")), "amount",
                    ErrorCode.OUT_OF_RANGE)).isEqualTo("must be more than 0");
            refused(() -> new CreateOneOffExpenseCommand("x", ON, OVER_MAX), "amount", ErrorCode.OUT_OF_RANGE);
            refusedAll(() -> new CreateOneOffExpenseCommand(null, null, Money.of(-5, "EUR")),
                    "label REQUIRED", "date REQUIRED", "amount OUT_OF_RANGE");
        }
    }

    @Nested
    class CreateOverhead {

        @Test
        void aValidOverheadIsStrippedAndMayRunOn() {
            CreateOverheadCommand c = new CreateOverheadCommand(" Rent ", EUR_900, 5, ON, null);
            assertThat(c.label()).isEqualTo("Rent");
            assertThat(c.endDate()).isNull();
            // an overhead of a single day: the end may be the start
            new CreateOverheadCommand("Rent", EUR_900, 31, ON, ON);
            new CreateOverheadCommand("Rent", EUR_900, 1, ON, ON.plusYears(1));
        }

        @Test
        void eachBrokenFieldIsNamed() {
            refused(() -> new CreateOverheadCommand("", EUR_900, 5, ON, null), "label", ErrorCode.REQUIRED);
            refused(() -> new CreateOverheadCommand("Rent", null, 5, ON, null), "monthlyAmount", ErrorCode.REQUIRED);
            refused(() -> new CreateOverheadCommand("Rent", Money.of(0, "EUR"), 5, ON, null), "monthlyAmount",
                    ErrorCode.OUT_OF_RANGE);
            refused(() -> new CreateOverheadCommand("Rent", OVER_MAX, 5, ON, null), "monthlyAmount",
                    ErrorCode.OUT_OF_RANGE);
            assertThat(refused(() -> new CreateOverheadCommand("Rent", EUR_900, 0, ON, null), "dayOfMonth",
                    ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 1 and 31 (got 0)");
            refused(() -> new CreateOverheadCommand("Rent", EUR_900, 32, ON, null), "dayOfMonth",
                    ErrorCode.OUT_OF_RANGE);
            refused(() -> new CreateOverheadCommand("Rent", EUR_900, 5, null, null), "startDate", ErrorCode.REQUIRED);
            refused(() -> new CreateOverheadCommand("Rent", EUR_900, 5, LocalDate.of(1999, 1, 1), null), "startDate",
                    ErrorCode.OUT_OF_RANGE);
            refused(() -> new CreateOverheadCommand("Rent", EUR_900, 5, ON, LocalDate.of(2101, 1, 1)), "endDate",
                    ErrorCode.OUT_OF_RANGE);
            assertThat(refused(() -> new CreateOverheadCommand("Rent", EUR_900, 5, ON, ON.minusDays(1)), "endDate",
                    ErrorCode.INVALID_DATE_ORDER)).isEqualTo("must not be before startDate (2026-12-03)");
        }
    }

    @Nested
    class CreateBankAccount {

        @Test
        void aValidAccountIsStrippedAndABlankLabelIsNone() {
            CreateBankAccountCommand c = new CreateBankAccountCommand("  Société Générale ", "  7890 189 ");
            assertThat(c.name()).isEqualTo("Société Générale");
            assertThat(c.label()).isEqualTo("7890 189");
            assertThat(new CreateBankAccountCommand("Livret", "   ").label()).isNull();
            assertThat(new CreateBankAccountCommand("Livret", null).label()).isNull();
            new CreateBankAccountCommand("N".repeat(200), "L".repeat(BankAccount.LABEL_MAX_LENGTH));
        }

        @Test
        void eachBrokenFieldIsNamed() {
            refused(() -> new CreateBankAccountCommand("  ", null), "name", ErrorCode.REQUIRED);
            refused(() -> new CreateBankAccountCommand("N".repeat(201), null), "name", ErrorCode.TOO_LONG);
            assertThat(refused(() -> new CreateBankAccountCommand("Livret", "L".repeat(41)), "label",
                    ErrorCode.TOO_LONG)).isEqualTo("must be at most 40 characters (got 41)");
            refusedAll(() -> new CreateBankAccountCommand(null, "L".repeat(41)), "name REQUIRED", "label TOO_LONG");
        }
    }
}
