package io.cordee.core.bankstatement;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.cash.BankAccountId;
import io.cordee.core.money.Money;
import io.cordee.core.project.ProjectId;
import io.cordee.core.support.PortContract;
import io.cordee.core.support.TenantWorld;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BankStatementLineRepository} promises the statement import (ADR 0080, ADR 0052): a credit's
 * key is recorded once per account, so importing the same statement again pays nothing twice; a key is the
 * account's own; another agency reads none of them.
 */
public abstract class BankStatementLineRepositoryContract extends PortContract {

    private static final LocalDate MARCH_5 = LocalDate.of(2027, 3, 5);

    protected abstract BankStatementLineRepository lines();

    private BankStatementLineRepository lines;
    private AgencyId agency;
    private AgencyId otherAgency;
    private BankAccountId main;
    private BankAccountId savings;
    private InvoiceId invoice;

    protected BankStatementLineRepositoryContract(TenantWorld world) {
        super(world);
    }

    @BeforeEach
    void anAgencyWithTwoAccountsAndAnInvoice() {
        lines = lines();
        agency = world().newAgency();
        otherAgency = world().newAgency();
        main = world().newBankAccount(agency, "Main account");
        savings = world().newBankAccount(agency, "Savings");
        ProjectId site = world().newProject(agency, world().newClient(agency, "Nuvola"), "Site");
        invoice = world().newInvoice(agency, site, 1_200_00, InvoiceStatus.ISSUED);
    }

    @Test
    void aCreditIsRecordedOnceAndItsKeyIsFoundAmongOthers() {
        assertThat(lines.record(agency, main, "E-1", invoice, Money.of(1_200_00, "EUR"), MARCH_5).block()).isTrue();
        // the same statement imported again: the same key, nothing written, whatever the amount now read
        assertThat(lines.record(agency, main, "E-1", invoice, Money.of(600_00, "EUR"), MARCH_5.plusDays(1)).block())
                .isFalse();
        assertThat(lines.recorded(agency, main, List.of("E-1", "E-2", "E-3")).collectList().block())
                .containsExactly("E-1");
        assertThat(lines.recorded(agency, main, List.of()).collectList().block()).isEmpty();
    }

    @Test
    void aKeyIsTheAccountsOwn() {
        lines.record(agency, main, "2027-03-05|1200.00|F-001", invoice, Money.of(1_200_00, "EUR"), MARCH_5).block();
        assertThat(lines.recorded(agency, savings, List.of("2027-03-05|1200.00|F-001")).collectList().block())
                .isEmpty();
        assertThat(lines.record(agency, savings, "2027-03-05|1200.00|F-001", invoice, Money.of(1_200_00, "EUR"),
                MARCH_5).block()).isTrue();
        assertThat(lines.recorded(agency, savings, List.of("2027-03-05|1200.00|F-001")).collectList().block())
                .hasSize(1);
    }

    @Test
    void anotherAgencyReadsNoneOfTheAgencysKeys() {
        lines.record(agency, main, "E-1", invoice, Money.of(1_200_00, "EUR"), MARCH_5).block();
        assertThat(lines.recorded(otherAgency, main, List.of("E-1")).collectList().block()).isEmpty();
        assertThat(lines.recorded(agency, main, List.of("E-1")).collectList().block()).containsExactly("E-1");
    }
}
