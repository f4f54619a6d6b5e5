package io.cordee.core.client;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.Segment;
import io.cordee.core.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateClientCommandTest {

    private static final Segment SEGMENT = Segment.values()[0];
    private static final Contact ANNE = new Contact("Anne Martin", "anne@acme.fr", "CFO");

    @Test
    void aValidClientIsStrippedAndTakesTheDefaults() {
        CreateClientCommand c = new CreateClientCommand("  Acme ", SEGMENT, null, null, null);
        assertThat(c.name()).isEqualTo("Acme");
        assertThat(c.paymentTermsDays()).isNull();
        assertThat(c.paymentTerms()).isEqualTo(30);
        assertThat(c.contacts()).isEmpty();
        // the bounds are inclusive: 0 and 365 days, 50 contacts, a contact without an e-mail
        assertThat(new CreateClientCommand("Acme", SEGMENT, 0, List.of(ANNE), null).paymentTerms()).isZero();
        new CreateClientCommand("Acme", SEGMENT, 365, contacts(50), null);
        new CreateClientCommand("Acme", SEGMENT, 45, List.of(new Contact("Bob", null, null),
                new Contact("Eve", "  ", null)), null);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new CreateClientCommand("  ", SEGMENT, null, null, null), "name", ErrorCode.REQUIRED);
        refused(() -> new CreateClientCommand("N".repeat(201), SEGMENT, null, null, null), "name", ErrorCode.TOO_LONG);
        refused(() -> new CreateClientCommand("Acme", null, null, null, null), "segment", ErrorCode.REQUIRED);
        assertThat(refused(() -> new CreateClientCommand("Acme", SEGMENT, -1, null, null), "paymentTermsDays",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 0 and 365 (got -1)");
        refused(() -> new CreateClientCommand("Acme", SEGMENT, 366, null, null), "paymentTermsDays",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateClientCommand("Acme", SEGMENT, null, contacts(51), null), "contacts",
                ErrorCode.OUT_OF_RANGE);
        refused(() -> new CreateClientCommand("Acme", SEGMENT, null, List.of(ANNE, new Contact(" ", null, null)),
                null), "contacts[1].name", ErrorCode.REQUIRED);
        refused(() -> new CreateClientCommand("Acme", SEGMENT, null, List.of(new Contact("Bob", null, "R".repeat(201))),
                null), "contacts[0].role", ErrorCode.TOO_LONG);
        assertThat(refused(() -> new CreateClientCommand("Acme", SEGMENT, null,
                List.of(new Contact("Bob", "bob.acme.fr", null)), null), "contacts[0].email", ErrorCode.INVALID_FORMAT))
                .isEqualTo("is not an e-mail address");
        refused(() -> new CreateClientCommand("Acme", SEGMENT, null, List.of(new Contact("Bob", "bob@acme", null)),
                null), "contacts[0].email", ErrorCode.INVALID_FORMAT);
        refusedAll(() -> new CreateClientCommand("Acme", SEGMENT, null,
                        List.of(new Contact("Bob", "b".repeat(320) + "@acme.fr", null)), null),
                "contacts[0].email TOO_LONG");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new CreateClientCommand(null, null, 400, List.of(new Contact("", "x", null)), null),
                "name REQUIRED", "segment REQUIRED", "paymentTermsDays OUT_OF_RANGE", "contacts[0].name REQUIRED",
                "contacts[0].email INVALID_FORMAT");
    }

    private static List<Contact> contacts(int n) {
        List<Contact> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Contact("Contact " + i, "c" + i + "@acme.fr", null));
        }
        return list;
    }
}
