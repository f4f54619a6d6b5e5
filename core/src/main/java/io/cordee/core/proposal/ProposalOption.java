package io.cordee.core.proposal;

import io.cordee.core.cash.Scenario;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.List;

/**
 * One way of sharing the load more fairly: a deposit (a share of what is left to invoice, invoiced
 * now), monthly billing in arrears, other payment terms, or any combination. It is evaluated as a
 * custom scenario of the cash forecast, so an option means exactly what the scenario means.
 *
 * @param depositPercent   0–100, null for none
 * @param monthlyInArrears what is left (after any deposit) invoiced at the end of each month to the launch
 * @param paymentTermsDays 0–365 days from issue to due date, null to keep the project's terms
 */
public record ProposalOption(Integer depositPercent, boolean monthlyInArrears, Integer paymentTermsDays) {

    public static final int MAX_OPTIONS = 5;

    /** The three options the agency proposes when it names none: 30 % deposit, monthly billing, 30-day terms. */
    public static final List<ProposalOption> DEFAULTS = List.of(
            new ProposalOption(30, false, null),
            new ProposalOption(null, true, null),
            new ProposalOption(null, false, 30));

    public boolean hasDeposit() {
        return depositPercent != null && depositPercent > 0;
    }

    /** True when accepting it changes how the client's projects are invoiced. */
    public boolean changesBilling() {
        return hasDeposit() || monthlyInArrears;
    }

    /** The option as the forecast reads it: a custom adjustment of the client, nothing else. */
    public Scenario.ClientAdjustment adjustment() {
        return new Scenario.ClientAdjustment(0, null, paymentTermsDays, depositPercent, monthlyInArrears);
    }

    /** Checks a list of options, naming each bad field as {@code options[i].field}; all at once. */
    public static void validate(List<ProposalOption> options) {
        check(new Validator(), options).throwIfInvalid();
    }

    /** The rules of a list of options, added to {@code v} (a command's, ADR 79). */
    static Validator check(Validator v, List<ProposalOption> options) {
        v.check(options != null && !options.isEmpty(), "options", "name at least one option", ErrorCode.REQUIRED);
        if (options != null) {
            v.check(options.size() <= MAX_OPTIONS, "options", "at most " + MAX_OPTIONS + " options",
                    ErrorCode.OUT_OF_RANGE);
            for (int i = 0; i < options.size(); i++) {
                ProposalOption o = options.get(i);
                String field = "options[" + i + "]";
                if (o.depositPercent() != null) {
                    v.range(field + ".depositPercent", o.depositPercent(), 0, 100);
                }
                if (o.paymentTermsDays() != null) {
                    v.range(field + ".paymentTermsDays", o.paymentTermsDays(), 0, 365);
                }
                v.check(o.hasDeposit() || o.monthlyInArrears() || o.paymentTermsDays() != null, field,
                        "an option changes something: a deposit, monthly billing or payment terms",
                        ErrorCode.REQUIRED);
            }
        }
        return v;
    }
}
