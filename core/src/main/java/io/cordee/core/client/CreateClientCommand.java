package io.cordee.core.client;

import io.cordee.core.agency.Segment;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Validator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Add a client (use case {@link ClientService#create(io.cordee.core.identity.Caller, CreateClientCommand)}).
 * Valid on its own (ADR 79): a name of 1 to 200 characters (stripped), a segment, payment terms of 0 to 365
 * days (null: the default, {@link #paymentTerms()}), at most 50 contacts, each with a name,
 * a role of at most 200 characters and an e-mail of the shape {@code a@b.c} (at most 320 characters) or none.
 * A changed client must pass the same rules: {@link ClientService#update} builds one from the merged values.
 * Who may set the payment terms (a LEAD may not: money) is the service's business, not the command's.
 */
public record CreateClientCommand(String name, Segment segment, Integer paymentTermsDays, List<Contact> contacts,
                                  FundingProfile funding) {

    public static final int MAX_CONTACTS = 50;
    public static final int MAX_PAYMENT_TERMS_DAYS = 365;
    private static final int EMAIL_MAX_LENGTH = 320;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public CreateClientCommand {
        name = name == null ? null : name.strip();
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        Validator v = new Validator()
                .requiredText("name", name, Validator.NAME_MAX_LENGTH)
                .required("segment", segment)
                .range("paymentTermsDays", paymentTerms(paymentTermsDays), 0, MAX_PAYMENT_TERMS_DAYS)
                .check(contacts.size() <= MAX_CONTACTS, "contacts", "at most 50 contacts", ErrorCode.OUT_OF_RANGE);
        for (int i = 0; i < contacts.size() && i < MAX_CONTACTS; i++) {
            Contact c = contacts.get(i);
            String field = "contacts[" + i + "]";
            v.requiredText(field + ".name", c.name(), Validator.NAME_MAX_LENGTH)
                    .maxLength(field + ".role", c.role(), Validator.NAME_MAX_LENGTH)
                    .maxLength(field + ".email", c.email(), EMAIL_MAX_LENGTH)
                    .check(c.email() == null || c.email().isBlank() || EMAIL.matcher(c.email()).matches(),
                            field + ".email", "is not an e-mail address", ErrorCode.INVALID_FORMAT);
        }
        v.throwIfInvalid();
    }

    /** The payment terms given, or the default of 30 days when none was. */
    public int paymentTerms() {
        return paymentTerms(paymentTermsDays);
    }

    private static int paymentTerms(Integer given) {
        return given == null ? ClientService.DEFAULT_PAYMENT_TERMS_DAYS : given;
    }
}
