package io.cordee.core.proposal;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The renegotiationProposal query's question (ADR 79): the defaults, the bounds, each broken field with its code. */
class RenegotiationProposalCommandTest {

    private static final ClientId CLIENT = new ClientId(new UUID(0, 8));
    private static final ProposalOption DEPOSIT_30 = new ProposalOption(30, false, null);

    @Test
    void noOptionsMeansTheThreeDefaults() {
        assertThat(new RenegotiationProposalCommand(CLIENT, null, null, 26).options())
                .isEqualTo(ProposalOption.DEFAULTS);
        assertThat(new RenegotiationProposalCommand(CLIENT, List.of(), null, 26).options())
                .isEqualTo(ProposalOption.DEFAULTS);
    }

    @Test
    void aValidCommandKeepsACopyOfItsOptionsAtTheInclusiveBounds() {
        List<ProposalOption> options = new ArrayList<>(List.of(new ProposalOption(0, true, 0),
                new ProposalOption(100, false, 365), DEPOSIT_30, DEPOSIT_30, DEPOSIT_30));
        RenegotiationProposalCommand c = new RenegotiationProposalCommand(CLIENT, options, null, 1);
        options.clear();
        assertThat(c.options()).as("a copy: the caller's list may change after").hasSize(5);
        assertThat(new RenegotiationProposalCommand(CLIENT, List.of(DEPOSIT_30), null, 104).horizonWeeks())
                .isEqualTo(104);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new RenegotiationProposalCommand(null, null, null, 26), "clientId", ErrorCode.REQUIRED);
        assertThat(refused(() -> new RenegotiationProposalCommand(CLIENT, null, null, 105), "horizonWeeks",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 1 and 104 (got 105)");
        refused(() -> new RenegotiationProposalCommand(CLIENT, null, null, 0), "horizonWeeks", ErrorCode.OUT_OF_RANGE);
        // 6 options: one too many
        assertThat(refused(() -> new RenegotiationProposalCommand(CLIENT, List.of(DEPOSIT_30, DEPOSIT_30, DEPOSIT_30,
                DEPOSIT_30, DEPOSIT_30, DEPOSIT_30), null, 26), "options", ErrorCode.OUT_OF_RANGE))
                .isEqualTo("at most 5 options");
        refused(() -> new RenegotiationProposalCommand(CLIENT, List.of(new ProposalOption(101, false, null)), null,
                26), "options[0].depositPercent", ErrorCode.OUT_OF_RANGE);
        refused(() -> new RenegotiationProposalCommand(CLIENT, List.of(new ProposalOption(null, false, 366)), null,
                26), "options[0].paymentTermsDays", ErrorCode.OUT_OF_RANGE);
        // a deposit of 0 %, no monthly billing and the terms kept: it changes nothing
        assertThat(refused(() -> new RenegotiationProposalCommand(CLIENT, List.of(new ProposalOption(0, false, null)),
                null, 26), "options[0]", ErrorCode.REQUIRED))
                .isEqualTo("an option changes something: a deposit, monthly billing or payment terms");
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> new RenegotiationProposalCommand(null, List.of(DEPOSIT_30, new ProposalOption(-1, true, 400)),
                        null, 0),
                "clientId REQUIRED", "options[1].depositPercent OUT_OF_RANGE",
                "options[1].paymentTermsDays OUT_OF_RANGE", "horizonWeeks OUT_OF_RANGE");
    }
}
