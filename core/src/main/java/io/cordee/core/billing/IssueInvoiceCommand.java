package io.cordee.core.billing;

import io.cordee.core.common.Validator;
import java.time.LocalDate;

/**
 * Issue a planned invoice (use case {@link BillingService#issue(io.cordee.core.identity.Caller,
 * IssueInvoiceCommand)}). Valid on its own (ADR 79): an invoice, the version read, an issue date within
 * 2000-01-01 … 2100-12-31 and a number of at most {@link Invoice#NUMBER_MAX} characters once stripped (blank:
 * none). Otherwise the constructor throws {@link io.cordee.core.common.InvalidInput} naming every broken field.
 * What needs the invoice stays with the service and {@link Invoice#issue}: the version is still the current one,
 * the invoice is still planned, the number is not taken in the agency.
 */
public record IssueInvoiceCommand(InvoiceId invoiceId, Long expectedVersion, String number, LocalDate issueDate) {

    public IssueInvoiceCommand {
        Invoice.checkNumber(new Validator()
                        .required("id", invoiceId)
                        .required("version", expectedVersion)
                        .required("issueDate", issueDate)
                        .date("issueDate", issueDate), number)
                .throwIfInvalid();
        number = Invoice.normalNumber(number);
    }
}
