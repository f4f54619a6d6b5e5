package io.cordee.core.billing;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.common.Validator;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a client owes for a project. Life cycle: {@code PLANNED} (from the billing plan, {@code planKey}
 * names its place in it) → {@code ISSUED} (issue date, due date) → {@code PAID} once payments cover the
 * amount; {@code CANCELLED} from planned or issued while nothing is paid. Changes return a new value;
 * impossible ones throw {@link InvalidInput} with the reason. {@code number} is the agency's invoice number
 * (from its accounting tool), given when the invoice is issued; unique in the agency, null until then.
 */
public record Invoice(InvoiceId id, AgencyId agencyId, ClientId clientId, ProjectId projectId, String planKey,
                      String number, String label, InvoiceStatus status, LocalDate issueDate, LocalDate dueDate, Money amount,
                      Money paid, LocalDate paidDate, long version) {

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paid, "paid");
    }

    /** The longest invoice number accepted. */
    public static final int NUMBER_MAX = 40;

    public Money balanceDue() {
        return amount.minus(paid);
    }

    /** Planned and issued invoices with something left to pay will bring cash. */
    public boolean isExpectedToPay() {
        return (status == InvoiceStatus.PLANNED || status == InvoiceStatus.ISSUED) && balanceDue().minorUnits() > 0;
    }

    /** The rule of a number given by a command (ADR 79): at most {@link #NUMBER_MAX} characters once stripped. */
    static Validator checkNumber(Validator v, String number) {
        return v.check(number == null || number.strip().length() <= NUMBER_MAX, "number",
                "is longer than " + NUMBER_MAX + " characters", ErrorCode.TOO_LONG);
    }

    /** A number as stored: stripped, and none when blank. */
    static String normalNumber(String number) {
        return number == null || number.isBlank() ? null : number.strip();
    }

    /**
     * Issues it on {@code on} under {@code number} (blank: none); due {@code paymentTermsDays} later. The number's
     * length is the rule of the command that gives it ({@link IssueInvoiceCommand}, {@link CreateInvoiceCommand}).
     */
    public Invoice issue(String number, LocalDate on, int paymentTermsDays) {
        if (status != InvoiceStatus.PLANNED) {
            throw InvalidInput.of("id", "only a planned invoice can be issued (this one is " + status + ")",
                    ErrorCode.INVALID_FORMAT);
        }
        return new Invoice(id, agencyId, clientId, projectId, planKey, normalNumber(number), label,
                InvoiceStatus.ISSUED, on, on.plusDays(paymentTermsDays), amount, paid, null, version);
    }

    public Invoice cancel() {
        if (status == InvoiceStatus.PAID || status == InvoiceStatus.CANCELLED) {
            throw InvalidInput.of("id", "a " + status + " invoice cannot be cancelled", ErrorCode.INVALID_FORMAT);
        }
        if (paid.minorUnits() > 0) {
            throw InvalidInput.of("id", "payments were received on this invoice; credit them before cancelling it",
                    ErrorCode.INVALID_FORMAT);
        }
        return new Invoice(id, agencyId, clientId, projectId, planKey, number, label, InvoiceStatus.CANCELLED,
                issueDate, dueDate, amount, paid, null, version);
    }

    /** Records a payment of {@code payment} received on {@code on}. */
    public Invoice pay(Money payment, LocalDate on) {
        if (status == InvoiceStatus.CANCELLED) {
            throw InvalidInput.of("invoiceId", "the invoice is cancelled: no payment can be recorded on it",
                    ErrorCode.INVALID_FORMAT);
        }
        if (status == InvoiceStatus.PLANNED) {
            throw InvalidInput.of("invoiceId", "the invoice is only planned: issue it before recording payments",
                    ErrorCode.INVALID_FORMAT);
        }
        if (payment.minorUnits() <= 0) {
            throw InvalidInput.of("amount", "must be more than 0", ErrorCode.OUT_OF_RANGE);
        }
        if (payment.compareTo(balanceDue()) > 0) {
            throw InvalidInput.of("amount", "is more than the balance due (" + balanceDue() + ")",
                    ErrorCode.OUT_OF_RANGE);
        }
        Money newPaid = paid.plus(payment);
        boolean settled = newPaid.equals(amount);
        return new Invoice(id, agencyId, clientId, projectId, planKey, number, label,
                settled ? InvoiceStatus.PAID : InvoiceStatus.ISSUED, issueDate, dueDate, amount, newPaid,
                settled ? on : null, version);
    }
}
