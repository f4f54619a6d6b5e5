package io.cordee.core.cash;

import io.cordee.core.common.Validator;

/**
 * Open a bank account in Cordée (use case {@link CashService#createAccount(io.cordee.core.identity.Caller,
 * CreateBankAccountCommand)}). Valid on its own (ADR 79): a name of 1 to 200 characters (stripped) and an
 * optional label of at most {@link BankAccount#LABEL_MAX_LENGTH} characters (blank: none). That no other
 * account of the agency has the name needs the database: the service checks it.
 */
public record CreateBankAccountCommand(String name, String label) {

    public CreateBankAccountCommand {
        new Validator().requiredText("name", name, Validator.NAME_MAX_LENGTH)
                .maxLength("label", label, BankAccount.LABEL_MAX_LENGTH)
                .throwIfInvalid();
        name = name.strip();
        label = label == null || label.isBlank() ? null : label.strip();
    }
}
