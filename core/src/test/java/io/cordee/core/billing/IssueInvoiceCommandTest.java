package io.cordee.core.billing;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing a planned invoice (ADR 79): the number, the day and the version read; the invoice's state is not here. */
class IssueInvoiceCommandTest {

    private static final InvoiceId INVOICE = new InvoiceId(new UUID(0, 11));
    private static final LocalDate ON = LocalDate.of(2026, 11, 10);

    @Test
    void aValidCommandStripsItsNumberAndABlankOneIsNone() {
        IssueInvoiceCommand c = new IssueInvoiceCommand(INVOICE, 0L, " F-2026-001 ", ON);
        assertThat(c.number()).isEqualTo("F-2026-001");
        assertThat(c.issueDate()).isEqualTo(ON);
        assertThat(c.expectedVersion()).isZero();
        assertThat(new IssueInvoiceCommand(INVOICE, 3L, "   ", ON).number()).isNull();
        assertThat(new IssueInvoiceCommand(INVOICE, 3L, null, ON).number()).isNull();
        // the bounds are inclusive: 40 characters once stripped (42 with the two spaces), 2000-01-01, 2100-12-31
        assertThat(new IssueInvoiceCommand(INVOICE, 0L, " " + "N".repeat(40) + " ", LocalDate.of(2000, 1, 1))
                .number()).hasSize(40);
        new IssueInvoiceCommand(INVOICE, 0L, null, LocalDate.of(2100, 12, 31));
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new IssueInvoiceCommand(null, 0L, null, ON), "id", ErrorCode.REQUIRED);
        refused(() -> new IssueInvoiceCommand(INVOICE, null, null, ON), "version", ErrorCode.REQUIRED);
        refused(() -> new IssueInvoiceCommand(INVOICE, 0L, null, null), "issueDate", ErrorCode.REQUIRED);
        assertThat(refused(() -> new IssueInvoiceCommand(INVOICE, 0L, null, LocalDate.of(1999, 12, 31)),
                "issueDate", ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 2000-01-01 and 2100-12-31 (got 1999-12-31)");
        refused(() -> new IssueInvoiceCommand(INVOICE, 0L, null, LocalDate.of(2101, 1, 1)), "issueDate",
                ErrorCode.OUT_OF_RANGE);
        // 41 characters: one too many, with the message Invoice.issue used to give
        assertThat(refused(() -> new IssueInvoiceCommand(INVOICE, 0L, "N".repeat(41), ON), "number",
                ErrorCode.TOO_LONG)).isEqualTo("is longer than 40 characters");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new IssueInvoiceCommand(null, null, "N".repeat(41), null),
                "id REQUIRED", "version REQUIRED", "issueDate REQUIRED", "number TOO_LONG");
    }
}
