package io.cordee.core.billing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateInvoiceCommandTest {

    private static final ProjectId PROJECT = new ProjectId(new UUID(0, 7));
    private static final LocalDate ON = LocalDate.of(2026, 12, 3);
    private static final Money EUR_1500 = Money.of(150_000, "EUR");

    @Test
    void aValidCommandIsStrippedAndKeepsItsFields() {
        CreateInvoiceCommand c = new CreateInvoiceCommand(PROJECT, "  Extra work ", EUR_1500, "  F-2026-012 ", ON);
        assertThat(c.label()).isEqualTo("Extra work");
        assertThat(c.number()).isEqualTo("F-2026-012");
        assertThat(c.amount()).isEqualTo(EUR_1500);
        assertThat(c.issueDate()).isEqualTo(ON);
        assertThat(new CreateInvoiceCommand(PROJECT, "x", EUR_1500, "   ", ON).number()).isNull();
        // the bounds are inclusive: 1 minor unit, 10^13 minor units, 2000-01-01 and 2100-12-31, 40 characters
        new CreateInvoiceCommand(PROJECT, "x", Money.of(1, "EUR"), "N".repeat(40), LocalDate.of(2000, 1, 1));
        new CreateInvoiceCommand(PROJECT, "x", Money.of(10_000_000_000_000L, "EUR"), null, LocalDate.of(2100, 12, 31));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new CreateInvoiceCommand(null, "x", EUR_1500, null, ON), "projectId", ErrorCode.REQUIRED);
        refused(() -> new CreateInvoiceCommand(PROJECT, "  ", EUR_1500, null, ON), "label", ErrorCode.REQUIRED);
        refused(() -> new CreateInvoiceCommand(PROJECT, null, EUR_1500, null, ON), "label", ErrorCode.REQUIRED);
        assertThat(refused(() -> new CreateInvoiceCommand(PROJECT, "L".repeat(201), EUR_1500, null, ON), "label",
                ErrorCode.TOO_LONG)).isEqualTo("must be at most 200 characters (got 201)");
        refused(() -> new CreateInvoiceCommand(PROJECT, "x", null, null, ON), "amount", ErrorCode.REQUIRED);
        assertThat(refused(() -> new CreateInvoiceCommand(PROJECT, "x", Money.of(0, "EUR"), null, ON), "amount",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be more than 0");
        refused(() -> new CreateInvoiceCommand(PROJECT, "x", Money.of(-100, "EUR"), null, ON), "amount",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateInvoiceCommand(PROJECT, "x", Money.of(10_000_000_000_001L, "EUR"), null, ON),
                "amount", ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateInvoiceCommand(PROJECT, "x", EUR_1500, null, null), "issueDate", ErrorCode.REQUIRED);
        refused(() -> new CreateInvoiceCommand(PROJECT, "x", EUR_1500, null, LocalDate.of(1999, 12, 31)),
                "issueDate", ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> new CreateInvoiceCommand(PROJECT, "x", EUR_1500, "N".repeat(41), ON), "number",
                ErrorCode.TOO_LONG)).isEqualTo("is longer than 40 characters");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CreateInvoiceCommand(PROJECT, "", Money.of(0, "EUR"), null, null),
                "label REQUIRED", "amount OUT_OF_RANGE", "issueDate REQUIRED");
    }
}
