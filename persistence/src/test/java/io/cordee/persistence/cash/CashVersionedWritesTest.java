package io.cordee.persistence.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.cash.OneOffExpense;
import io.cordee.core.cash.Overhead;
import io.cordee.core.cash.OverheadId;
import io.cordee.core.money.Money;
import io.cordee.persistence.common.UuidV7IdGenerator;
import io.cordee.persistence.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The version-guarded writes of overheads and one-off expenses (issue 21 moved them onto {@code Sql.ifMatched} and
 * {@code Sql.anyRowChanged}): a matching version writes and gives the next version, a stale one writes nothing and
 * gives nothing (or false for a delete).
 */
class CashVersionedWritesTest {

    private final UuidV7IdGenerator ids = new UuidV7IdGenerator();
    private final CashPersistenceAdapter cash = new CashPersistenceAdapter(TestDatabase.client(), ids);
    private final AgencyId agency = TestDatabase.newAgency();

    /** Rent 1,500.00 € on the 5th, raised to 1,600.00 € with no end: version 0 → 1; a second write at 0 misses. */
    @Test
    void anOverheadIsUpdatedAtItsVersionAndDeletedAtItsVersionOnly() {
        Overhead rent = new Overhead(new OverheadId(ids.newId()), "Rent", Money.of(150_000, "EUR"), 5,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 0);
        cash.insertOverhead(agency, rent).block();
        Overhead raised = new Overhead(rent.id(), "Rent", Money.of(160_000, "EUR"), 5, LocalDate.of(2026, 1, 1),
                null, 0);

        Overhead saved = new Overhead(rent.id(), "Rent", Money.of(160_000, "EUR"), 5, LocalDate.of(2026, 1, 1),
                null, 1);
        assertThat(cash.updateOverhead(agency, raised).block()).isEqualTo(saved);
        assertThat(cash.updateOverhead(agency, raised).block()).isNull();
        assertThat(cash.overheads(agency).collectList().block()).containsExactly(saved);

        assertThat(cash.deleteOverhead(agency, rent.id(), 0).block()).isFalse();
        assertThat(cash.deleteOverhead(agency, rent.id(), 1).block()).isTrue();
        assertThat(cash.overheads(agency).collectList().block()).isEmpty();
    }

    /** A laptop of 2,400.00 € on 10 March, relabelled: version 0 → 1; a second write at 0 misses; deleted once. */
    @Test
    void aOneOffIsUpdatedAtItsVersionOnlyAndDeletedOnce() {
        OneOffExpense laptop = new OneOffExpense(ids.newId(), "Laptop", LocalDate.of(2026, 3, 10),
                Money.of(240_000, "EUR"));
        cash.insertOneOff(agency, laptop).block();
        OneOffExpense relabelled = new OneOffExpense(laptop.id(), "Laptop for Léa", LocalDate.of(2026, 3, 10),
                Money.of(240_000, "EUR"), 0);

        OneOffExpense saved = new OneOffExpense(laptop.id(), "Laptop for Léa", LocalDate.of(2026, 3, 10),
                Money.of(240_000, "EUR"), 1);
        assertThat(cash.updateOneOff(agency, relabelled).block()).isEqualTo(saved);
        assertThat(cash.updateOneOff(agency, relabelled).block()).isNull();
        assertThat(cash.findOneOff(agency, laptop.id()).block()).isEqualTo(saved);

        assertThat(cash.deleteOneOff(agency, laptop.id()).block()).isTrue();
        assertThat(cash.deleteOneOff(agency, laptop.id()).block()).isFalse();
        assertThat(cash.oneOffs(agency, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)).collectList().block())
                .isEqualTo(List.of());
    }
}
