package io.cordee.core.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.money.Money;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CashRepository} promises about bank accounts and their balances (ADR 0080): the forecast's
 * opening position is read from here, so a drift would move every cash figure. Core has no in-memory twin of
 * this port; the R2DBC adapter runs it on the real PostgreSQL.
 */
public abstract class CashRepositoryContract extends PortContract {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);

    protected abstract CashRepository cash();

    private CashRepository cash;
    private AgencyId agency;
    private AgencyId otherAgency;

    protected CashRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void twoAgencies() {
        cash = cash();
        agency = world().newAgency();
        otherAgency = world().newAgency();
    }

    @Test
    void theOpeningPositionSumsEachOpenAccountsLatestBalanceOnOrBeforeTheDate() {
        BankAccount main = account("Main", false);
        BankAccount savings = account("Savings", false);
        BankAccount closed = account("Closed", true);
        balance(main, MARCH_1, 10_000_00);
        balance(main, MARCH_1.plusDays(9), 12_000_00);
        balance(savings, MARCH_1.plusDays(4), 3_000_00);
        balance(closed, MARCH_1.plusDays(7), 50_000_00);

        // on 12 March: Main's 12,000.00 (10 March) + Savings' 3,000.00 (5 March) = 15,000.00, dated 10 March;
        // the archived account's 50,000.00 does not count
        assertThat(cash.latestBalance(agency, MARCH_1.plusDays(11)).block())
                .isEqualTo(new BankBalance(MARCH_1.plusDays(9), Money.of(15_000_00, "EUR")));
        // on 6 March: Main's 10,000.00 (1 March) + Savings' 3,000.00 = 13,000.00, dated 5 March
        assertThat(cash.latestBalance(agency, MARCH_1.plusDays(5)).block())
                .isEqualTo(new BankBalance(MARCH_1.plusDays(4), Money.of(13_000_00, "EUR")));
        // before any balance: nothing, not zero
        assertThat(cash.latestBalance(agency, MARCH_1.minusDays(1)).block()).isNull();
        // each account's latest, whatever its date
        assertThat(cash.latestBalances(agency, List.of(main.id(), savings.id())).collectList().block())
                .extracting(BankBalance::amount)
                .containsExactlyInAnyOrder(Money.of(12_000_00, "EUR"), Money.of(3_000_00, "EUR"));
    }

    @Test
    void aSecondBalanceForTheSameAccountAndDayReplacesTheFirst() {
        BankAccount main = account("Main", false);
        BankBalance first = balance(main, MARCH_1, 1_000_00);
        assertThat(first.id()).isNotNull();
        balance(main, MARCH_1, 1_250_00);
        Page<BankBalance> page = cash.balances(agency, main.id(), new PageRequest(10, null)).block();
        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(page.items()).extracting(BankBalance::amount).containsExactly(Money.of(1_250_00, "EUR"));
    }

    @Test
    void balancesArePagedNewestFirstEachOnce() {
        BankAccount main = account("Main", false);
        for (int day = 0; day < 5; day++) {
            balance(main, MARCH_1.plusDays(day), 100_00L * (day + 1));
        }
        List<LocalDate> seen = new ArrayList<>();
        String after = null;
        Page<BankBalance> page;
        do {
            page = cash.balances(agency, null, new PageRequest(2, after)).block();
            assertThat(page.totalCount()).isEqualTo(5);
            page.items().forEach(b -> seen.add(b.date()));
            after = page.edges().isEmpty() ? null : page.edges().get(page.edges().size() - 1).cursor();
        } while (page.hasNextPage());
        assertThat(seen).containsExactly(MARCH_1.plusDays(4), MARCH_1.plusDays(3), MARCH_1.plusDays(2),
                MARCH_1.plusDays(1), MARCH_1);
    }

    @Test
    void anotherAgencyNeverSeesNorRemovesTheBalancesNorChangesTheAccount() {
        BankAccount main = account("Main", false);
        BankBalance saved = balance(main, MARCH_1, 7_000_00);
        assertThat(cash.latestBalance(otherAgency, MARCH_1).block()).isNull();
        assertThat(cash.latestBalances(otherAgency, List.of(main.id())).collectList().block()).isEmpty();
        assertThat(cash.balances(otherAgency, main.id(), new PageRequest(10, null)).block().totalCount()).isZero();
        assertThat(cash.allBalances(otherAgency).collectList().block()).isEmpty();
        assertThat(cash.accounts(otherAgency).collectList().block()).isEmpty();
        assertThat(cash.deleteBalance(otherAgency, saved.id()).block()).isFalse();
        assertThat(cash.updateAccount(otherAgency, new BankAccount(main.id(), "Hijack", null, EUR, true, 0)).block())
                .isNull();
        assertThat(cash.accounts(agency).collectList().block()).extracting(BankAccount::name).containsExactly("Main");
        assertThat(cash.latestBalance(agency, MARCH_1).block().amount()).isEqualTo(Money.of(7_000_00, "EUR"));
    }

    @Test
    void aStaleAccountVersionIsRefusedAndChangesNothing() {
        BankAccount main = account("Main", false);
        BankAccount renamed = cash.updateAccount(agency, new BankAccount(main.id(), "Current", "FR76…42", EUR,
                false, 0)).block();
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(cash.updateAccount(agency, new BankAccount(main.id(), "Stale", null, EUR, false, 0)).block())
                .isNull();
        assertThat(cash.accounts(agency).collectList().block()).extracting(BankAccount::name)
                .containsExactly("Current");
    }

    @Test
    void aDeletedBalanceIsGoneAndASecondDeleteSaysSo() {
        BankAccount main = account("Main", false);
        BankBalance saved = balance(main, MARCH_1, 500_00);
        assertThat(cash.deleteBalance(agency, saved.id()).block()).isTrue();
        assertThat(cash.deleteBalance(agency, saved.id()).block()).isFalse();
        assertThat(cash.deleteBalance(agency, UUID.randomUUID()).block()).isFalse();
        assertThat(cash.latestBalance(agency, MARCH_1).block()).isNull();
    }

    @Test
    void openAccountsComeFirstThenArchivedOnesEachByNameWhateverItsCase() {
        account("Main", false);
        account("Archived", true);
        account("alpha", false);
        // "alpha" before "Main" (case ignored), and the archived "Archived" last although it sorts first by name
        assertThat(cash.accounts(agency).collectList().block()).extracting(BankAccount::name)
                .containsExactly("alpha", "Main", "Archived");
    }

    private BankAccount account(String name, boolean archived) {
        return cash.insertAccount(agency, new BankAccount(new BankAccountId(UUID.randomUUID()), name, null, EUR,
                archived, 0)).block();
    }

    private BankBalance balance(BankAccount account, LocalDate date, long minor) {
        return cash.saveBalance(agency, new BankBalance(null, account.id(), date, Money.of(minor, "EUR"))).block();
    }
}
