package io.cordee.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.ClockAt;
import io.cordee.api.support.Tenants;
import io.cordee.core.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 15, point 4 (ADR 0035): several bank accounts per agency; the forecast opens on the sum of each open
 * account's latest balance on or before the day before its as-of date. The agency is in Paris and its today
 * is Thursday 3 December 2026; it has no invoices, team or costs, so the forecast's lowest point is its
 * opening balance.
 */
@ApiTest
@ClockAt("2026-12-03T10:00:00Z")
class BankAccountsTest {

    static final String TODAY = "2026-12-03";
    static final String CREATE = """
            mutation($n: String!, $l: String) { createBankAccount(input: {name: $n, label: $l}) {
              bankAccount { id name label currency archived version } userErrors { field message code } } }""";
    static final String RECORD = """
            mutation($a: ID, $d: Date!, $m: Long!) { recordBankBalance(input: {accountId: $a, date: $d,
              amount: {amountMinor: $m}}) { bankBalance { id date amount { amountMinor } account { name } }
              userErrors { field message code } } }""";
    static final String OPENING = """
            { cashForecast(asOf: "2026-12-03", horizonWeeks: 4) { opening { amountMinor } lowestBalance { amountMinor } } }""";
    static final String ACCOUNTS = """
            { bankAccounts { id name archived version latestBalance { date amount { amountMinor } } } }""";
    static final String ARCHIVE = """
            mutation($id: ID!, $v: Long!) { archiveBankAccount(input: {id: $id, version: $v}) {
              bankAccount { archived version } userErrors { field message code } } }""";

    @Autowired
    Tenants tenants;

    Tenants.Tenant tenant;
    HttpGraphQlTester finance;

    @BeforeEach
    void agencyInParisOnThursday3December() {
        tenant = tenants.create("Bank Agency");
        finance = tenants.as(tenant, Role.FINANCE);
    }

    @Test
    void theForecastOpensOnTheSumOfEachOpenAccountsLatestBalance() {
        String a = account(finance, "Compte courant", "…4521");
        String b = account(finance, "Livret", null);
        // A: 100,000.00 on day −5 then 120,000.00 on day −3 (the latest counts); B: 30,500.50 on day −1
        record(finance, a, "2026-11-28", 10_000_000);
        record(finance, a, "2026-11-30", 12_000_000);
        record(finance, b, "2026-12-02", 3_050_050);
        // 120,000.00 + 30,500.50 = 150,500.50; nothing moves in four weeks, so it is also the lowest point
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(15_050_050L)
                .path("cashForecast.lowestBalance.amountMinor").entity(Long.class).isEqualTo(15_050_050L);
        finance.document(ACCOUNTS).execute()
                .path("bankAccounts[*].name").entityList(String.class).containsExactly("Compte courant", "Livret")
                .path("bankAccounts[0].latestBalance.amount.amountMinor").entity(Long.class).isEqualTo(12_000_000L)
                .path("bankAccounts[0].latestBalance.date").entity(String.class).isEqualTo("2026-11-30")
                .path("bankAccounts[1].latestBalance.amount.amountMinor").entity(Long.class).isEqualTo(3_050_050L);

        // a balance is a fact: tomorrow's is refused next to its date and changes nothing
        finance.document(RECORD).variable("a", b).variable("d", "2026-12-04").variable("m", 1).execute()
                .path("recordBankBalance.bankBalance").valueIsNull()
                .path("recordBankBalance.userErrors[0].field").entityList(String.class).containsExactly("date")
                .path("recordBankBalance.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");

        // archiving B: its balance no longer counts → 120,000.00; the archived account keeps its history
        finance.document(ARCHIVE).variable("id", b).variable("v", 0).execute()
                .path("archiveBankAccount.bankAccount.archived").entity(Boolean.class).isEqualTo(true)
                .path("archiveBankAccount.bankAccount.version").entity(Long.class).isEqualTo(1L);
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(12_000_000L);
        finance.document("query($a: ID) { bankBalances(accountId: $a) { totalCount } }").variable("a", b).execute()
                .path("bankBalances.totalCount").entity(Long.class).isEqualTo(1L);
        // an archived account takes no new balance
        finance.document(RECORD).variable("a", b).variable("d", TODAY).variable("m", 1).execute()
                .path("recordBankBalance.userErrors[0].field").entityList(String.class).containsExactly("accountId");

        // a stale version (0, B is at 1) is refused; restoring with the current one brings 150,500.50 back
        String update = """
                mutation($id: ID!, $v: Long!, $n: String, $x: Boolean) { updateBankAccount(input: {id: $id, version: $v,
                  name: $n, archived: $x}) { bankAccount { name archived version } userErrors { field code } } }""";
        finance.document(update).variable("id", b).variable("v", 0).variable("n", "Épargne").variable("x", false)
                .execute()
                .path("updateBankAccount.bankAccount").valueIsNull()
                .path("updateBankAccount.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document(update).variable("id", b).variable("v", 1).variable("n", "Épargne").variable("x", false)
                .execute()
                .path("updateBankAccount.bankAccount.name").entity(String.class).isEqualTo("Épargne")
                .path("updateBankAccount.bankAccount.archived").entity(Boolean.class).isEqualTo(false);
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(15_050_050L);
        // two accounts may not share a name
        finance.document(CREATE).variable("n", "compte COURANT").execute()
                .path("createBankAccount.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE");
    }

    @Test
    void recordBankBalanceWithoutAnAccountStillWorksForOneAccount() {
        // the agency has no account: the first balance creates "Main account"
        finance.document(RECORD).variable("d", "2026-12-01").variable("m", 8_000_000).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0)
                .path("recordBankBalance.bankBalance.account.name").entity(String.class).isEqualTo("Main account");
        // the same day again replaces it (80,000.00 → 85,000.00)
        finance.document(RECORD).variable("d", "2026-12-01").variable("m", 8_500_000).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0);
        finance.document("{ bankBalances { totalCount nodes { amount { amountMinor } } } bankAccounts { name } }")
                .execute()
                .path("bankBalances.totalCount").entity(Long.class).isEqualTo(1L)
                .path("bankBalances.nodes[0].amount.amountMinor").entity(Long.class).isEqualTo(8_500_000L)
                .path("bankAccounts[*].name").entityList(String.class).containsExactly("Main account");
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(8_500_000L);

        // with a second open account, the account must be named
        account(finance, "Second", null);
        finance.document(RECORD).variable("d", TODAY).variable("m", 1).execute()
                .path("recordBankBalance.userErrors[0].field").entityList(String.class).containsExactly("accountId")
                .path("recordBankBalance.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
    }

    @Test
    void aMistakenBalanceIsDeletedAndTheEarlierOneCountsAgain() {
        String a = account(finance, "Compte courant", null);
        record(finance, a, "2026-11-30", 4_000_000);
        String mistake = record(finance, a, "2026-12-02", 400_000_000);
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(400_000_000L);
        finance.document("mutation($id: ID!) { deleteBankBalance(input: {id: $id}) { deletedId userErrors { code } } }")
                .variable("id", mistake).execute()
                .path("deleteBankBalance.deletedId").entity(String.class).isEqualTo(mistake);
        // back to the 40,000.00 of 30 November
        finance.document(OPENING).execute()
                .path("cashForecast.opening.amountMinor").entity(Long.class).isEqualTo(4_000_000L);
        finance.document("query($a: ID) { bankBalances(accountId: $a) { nodes { date } } }").variable("a", a).execute()
                .path("bankBalances.nodes[*].date").entityList(String.class).containsExactly("2026-11-30");
    }

    @Test
    void aLeadSeesNoAccountAndChangesNone() {
        String a = account(finance, "Compte courant", null);
        record(finance, a, "2026-12-02", 1_000_000);
        HttpGraphQlTester lead = tenants.as(tenant, Role.LEAD);
        forbidden(lead.document(ACCOUNTS).execute());
        forbidden(lead.document(CREATE).variable("n", "Lead's").execute());
        forbidden(lead.document(RECORD).variable("a", a).variable("d", TODAY).variable("m", 1).execute());
        forbidden(lead.document(ARCHIVE).variable("id", a).variable("v", 0).execute());
        // by id: not found, as for a record the role may not see
        refused(lead.document("query($id: ID!) { node(id: $id) { id } }").variable("id", a).execute(), "NOT_FOUND");
        finance.document(ACCOUNTS).execute()
                .path("bankAccounts[*].name").entityList(String.class).containsExactly("Compte courant")
                .path("bankAccounts[0].archived").entity(Boolean.class).isEqualTo(false)
                .path("bankAccounts[0].latestBalance.amount.amountMinor").entity(Long.class).isEqualTo(1_000_000L);
    }

    @Test
    void agencyBNeitherReadsNorWritesAgencyAsAccounts() {
        String a = account(finance, "Compte courant", null);
        String balance = record(finance, a, "2026-12-02", 2_500_000);
        HttpGraphQlTester b = tenants.as(tenants.create("Agency B"), Role.OWNER);
        b.document(ACCOUNTS).execute().path("bankAccounts").entityList(Object.class).hasSize(0);
        b.document("query($a: ID) { bankBalances(accountId: $a) { totalCount } }").variable("a", a).execute()
                .path("bankBalances.totalCount").entity(Long.class).isEqualTo(0L);
        refused(b.document("query($id: ID!) { node(id: $id) { id } }").variable("id", a).execute(), "NOT_FOUND");
        b.document(RECORD).variable("a", a).variable("d", TODAY).variable("m", 1).execute()
                .path("recordBankBalance.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        b.document(ARCHIVE).variable("id", a).variable("v", 0).execute()
                .path("archiveBankAccount.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        b.document("mutation($id: ID!) { deleteBankBalance(input: {id: $id}) { deletedId userErrors { code } } }")
                .variable("id", balance).execute()
                .path("deleteBankBalance.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        // A's account and balance are as they were
        finance.document(ACCOUNTS).execute()
                .path("bankAccounts[0].archived").entity(Boolean.class).isEqualTo(false)
                .path("bankAccounts[0].version").entity(Long.class).isEqualTo(0L)
                .path("bankAccounts[0].latestBalance.amount.amountMinor").entity(Long.class).isEqualTo(2_500_000L);
    }

    @Test
    void aOneOffExpenseIsEditedWithItsVersion() {
        String id = finance.document("""
                        mutation { createOneOffExpense(input: {label: "Laptops", date: "2026-12-15",
                          amount: {amountMinor: 300000}}) { oneOffExpense { id version } } }""").execute()
                .path("createOneOffExpense.oneOffExpense.id").entity(String.class).get();
        String update = """
                mutation($id: ID!, $v: Long!, $m: Long!) { updateOneOffExpense(input: {id: $id, version: $v,
                  label: "Laptops (4)", amount: {amountMinor: $m}}) { oneOffExpense { label date amount { amountMinor }
                  version } userErrors { field code } } }""";
        finance.document(update).variable("id", id).variable("v", 0).variable("m", 480_000).execute()
                .path("updateOneOffExpense.oneOffExpense.label").entity(String.class).isEqualTo("Laptops (4)")
                .path("updateOneOffExpense.oneOffExpense.date").entity(String.class).isEqualTo("2026-12-15")
                .path("updateOneOffExpense.oneOffExpense.amount.amountMinor").entity(Long.class).isEqualTo(480_000L)
                .path("updateOneOffExpense.oneOffExpense.version").entity(Long.class).isEqualTo(1L);
        finance.document(update).variable("id", id).variable("v", 0).variable("m", 1).execute()
                .path("updateOneOffExpense.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
        finance.document(update).variable("id", id).variable("v", 1).variable("m", 0).execute()
                .path("updateOneOffExpense.userErrors[0].field").entityList(String.class).containsExactly("amount");
        forbidden(tenants.as(tenant, Role.LEAD).document(update).variable("id", id).variable("v", 1)
                .variable("m", 1).execute());
        finance.document("{ oneOffExpenses(from: \"2026-12-01\", to: \"2026-12-31\") { amount { amountMinor } } }")
                .execute().path("oneOffExpenses[*].amount.amountMinor").entityList(Long.class)
                .containsExactly(480_000L);
    }

    @Test
    void anOverheadsEndDateCanBeRemoved() {
        String id = finance.document("""
                        mutation { createOverhead(input: {label: "Rent", monthlyAmount: {amountMinor: 950000},
                          dayOfMonth: 5, startDate: "2026-12-01", endDate: "2027-01-31"}) { overhead { id } } }""")
                .execute().path("createOverhead.overhead.id").entity(String.class).get();
        finance.document("""
                        mutation($id: ID!) { updateOverhead(input: {id: $id, version: 0, clearEndDate: true}) {
                          overhead { endDate version } userErrors { code } } }""").variable("id", id).execute()
                .path("updateOverhead.overhead.endDate").valueIsNull()
                .path("updateOverhead.overhead.version").entity(Long.class).isEqualTo(1L);
    }

    private static void forbidden(GraphQlTester.Response response) {
        refused(response, "FORBIDDEN");
    }

    private static void refused(GraphQlTester.Response response, String classification) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                .contains(classification));
    }

    static String account(HttpGraphQlTester as, String name, String label) {
        return as.document(CREATE).variable("n", name).variable("l", label).execute()
                .path("createBankAccount.userErrors").entityList(Object.class).hasSize(0)
                .path("createBankAccount.bankAccount.id").entity(String.class).get();
    }

    static String record(HttpGraphQlTester as, String account, String date, long minor) {
        return as.document(RECORD).variable("a", account).variable("d", date).variable("m", minor).execute()
                .path("recordBankBalance.userErrors").entityList(Object.class).hasSize(0)
                .path("recordBankBalance.bankBalance.id").entity(String.class).get();
    }

}
