package io.cordee.core.project;

import static io.cordee.core.common.Refusals.refused;
import static io.cordee.core.common.Refusals.refusedAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.client.ClientId;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.money.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateProjectCommandTest {

    private static final ClientId CLIENT = new ClientId(new UUID(0, 5));
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final Money FEE = Money.of(4_500_000, "EUR");

    private static CreateProjectCommand project(String name, LocalDate start, LocalDate launch, LocalDate plan,
                                                Money fee, Integer terms) {
        return new CreateProjectCommand(CLIENT, name, null, start, launch, plan, fee, terms);
    }

    @Test
    void aValidProjectIsStrippedAndPlannedByDefault() {
        CreateProjectCommand c = project("  Rebrand ", START, START.plusMonths(3), null, FEE, null);
        assertThat(c.name()).isEqualTo("Rebrand");
        assertThat(c.status()).isEqualTo(ProjectStatus.PLANNED);
        assertThat(c.paymentTermsDays()).isNull();
        // a fee of 0 (pro bono), 1 billion in major units, terms of 0 and 365 days, launch on the start day
        project("x", START, START, START, Money.of(0, "EUR"), 0);
        project("x", START, null, null, Money.of(ProjectService.MAX_FEE_MINOR, "EUR"), 365);
    }

    @Test
    void eachBrokenFieldIsNamedWithItsCode() {
        refused(() -> new CreateProjectCommand(null, "x", null, START, null, null, FEE, null), "clientId",
                ErrorCode.REQUIRED);
        refused(() -> project(" ", START, null, null, FEE, null), "name", ErrorCode.REQUIRED);
        refused(() -> project("N".repeat(201), START, null, null, FEE, null), "name", ErrorCode.TOO_LONG);
        refused(() -> project("x", null, null, null, FEE, null), "startDate", ErrorCode.REQUIRED);
        assertThat(refused(() -> project("x", START, START.minusDays(1), null, FEE, null), "launchDate",
                ErrorCode.INVALID_DATE_ORDER)).isEqualTo("must not be before startDate (2026-09-01)");
        refused(() -> project("x", START, null, START.minusDays(1), FEE, null), "communicationPlanDate",
                ErrorCode.INVALID_DATE_ORDER);
        refused(() -> project("x", START, null, null, null, null), "feeBudget", ErrorCode.REQUIRED);
        assertThat(refused(() -> project("x", START, null, null, Money.of(-1, "EUR"), null), "feeBudget",
                ErrorCode.OUT_OF_RANGE)).isEqualTo("must be between 0 and 100000000000 minor units");
        refused(() -> project("x", START, null, null, Money.of(ProjectService.MAX_FEE_MINOR + 1, "EUR"), null),
                "feeBudget", ErrorCode.OUT_OF_RANGE);
        refused(() -> project("x", START, null, null, FEE, -1), "paymentTermsDays", ErrorCode.OUT_OF_RANGE);
        refused(() -> project("x", START, null, null, FEE, 366), "paymentTermsDays", ErrorCode.OUT_OF_RANGE);
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        refusedAll(() -> project("", null, START, START, null, 400),
                "name REQUIRED", "startDate REQUIRED", "feeBudget REQUIRED", "paymentTermsDays OUT_OF_RANGE");
    }
}
