package io.cordee.core.proposal;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recording a sent proposal (ADR 79): each valid case, each broken field with its code. */
class RecordProposalSentCommandTest {

    private static final ClientId CLIENT = new ClientId(new UUID(0, 8));
    private static final LocalDate ON = LocalDate.of(2026, 6, 1);
    private static final ProposalOption DEPOSIT_30 = new ProposalOption(30, false, null);

    @Test
    void aValidCommandKeepsItsOptionsAndMayLeaveTheDayOut() {
        List<ProposalOption> options = new ArrayList<>(List.of(DEPOSIT_30, new ProposalOption(null, false, 15)));
        RecordProposalSentCommand c = new RecordProposalSentCommand(CLIENT, options, Language.FR, null,
                SendChannel.EMAIL);
        options.clear();
        assertThat(c.options()).as("a copy: the caller's list may change after").hasSize(2);
        assertThat(c.sentOn()).as("none: the service takes the agency's today").isNull();
        // the bounds are inclusive: 5 options; a deposit of 0 and 100 %, terms of 0 and 365 days
        new RecordProposalSentCommand(CLIENT, List.of(new ProposalOption(0, true, 0),
                new ProposalOption(100, false, 365), DEPOSIT_30, DEPOSIT_30, DEPOSIT_30), Language.EN, ON,
                SendChannel.POST);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new RecordProposalSentCommand(null, List.of(DEPOSIT_30), Language.EN, ON, SendChannel.EMAIL),
                "clientId", ErrorCode.REQUIRED);
        refused(() -> new RecordProposalSentCommand(CLIENT, List.of(DEPOSIT_30), null, ON, SendChannel.EMAIL),
                "language", ErrorCode.REQUIRED);
        refused(() -> new RecordProposalSentCommand(CLIENT, List.of(DEPOSIT_30), Language.EN, ON, null),
                "channel", ErrorCode.REQUIRED);
        refused(() -> new RecordProposalSentCommand(CLIENT, List.of(DEPOSIT_30), Language.EN,
                LocalDate.of(1999, 12, 31), SendChannel.EMAIL), "sentOn", ErrorCode.OUT_OF_RANGE);
        assertThat(refused(() -> new RecordProposalSentCommand(CLIENT, List.of(), Language.EN, ON,
                SendChannel.EMAIL), "options", ErrorCode.REQUIRED)).isEqualTo("name at least one option");
        refused(() -> new RecordProposalSentCommand(CLIENT, null, Language.EN, ON, SendChannel.EMAIL), "options",
                ErrorCode.REQUIRED);
        // 6 options: one too many
        refused(() -> new RecordProposalSentCommand(CLIENT, List.of(DEPOSIT_30, DEPOSIT_30, DEPOSIT_30,
                DEPOSIT_30, DEPOSIT_30, DEPOSIT_30), Language.EN, ON, SendChannel.EMAIL), "options",
                ErrorCode.OUT_OF_RANGE);
        // a deposit of 0 %, no monthly billing and the terms kept: it changes nothing
        refused(() -> new RecordProposalSentCommand(CLIENT, List.of(new ProposalOption(0, false, null)),
                Language.EN, ON, SendChannel.EMAIL), "options[0]", ErrorCode.REQUIRED);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        // the two ProposalTest expects through the API: a deposit of 150 % and terms of −5 days
        refusedAll(() -> new RecordProposalSentCommand(null, List.of(new ProposalOption(150, false, -5)),
                        Language.EN, ON, SendChannel.EMAIL),
                "clientId REQUIRED", "options[0].depositPercent OUT_OF_RANGE",
                "options[0].paymentTermsDays OUT_OF_RANGE");
    }
}
