package io.cordee.persistence.common;

import io.cordee.core.agency.AgencyId;
import io.cordee.persistence.project.ProjectRow;
import io.cordee.persistence.staffing.AllocationRow;
import io.cordee.persistence.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What mapping costs on the cash picture's largest reads (ADR 62): 100,000 allocations and 10,000 projects
 * (the large benchmark agency's), read with Spring Data's reflective mapping, with the positional reader and
 * with no mapping at all (each row's first column only: PostgreSQL, the driver and decoding of one column).
 * Not part of the suite (its name does not end in Test): {@code ./mvnw -B -o -q -pl persistence -am test
 * -Dtest=RowReaderBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints its figures.
 */
class RowReaderBenchmark {

    private static final int RUNS = 15;
    // the adapters' COLUMNS (private there)
    private static final String ALLOCATIONS = "agency_id, id, team_member_id, project_id, share_percent, start_date,"
            + " end_date, version";
    private static final String PROJECTS = "agency_id, id, client_id, name, status, start_date, launch_date,"
            + " communication_plan_date, currency, fee_budget_minor, payment_terms_days, version";

    private final DatabaseClient db = TestDatabase.client();

    @Test
    void mappingCost() {
        AgencyId agency = TestDatabase.newAgency();
        db.sql("INSERT INTO client (agency_id, id, name, segment, payment_terms_days)"
                + " SELECT :a, gen_random_uuid(), 'Client ' || g, 'SME', 30 FROM generate_series(1, 1000) g")
                .bind("a", agency.value()).then().block();
        db.sql("INSERT INTO project (agency_id, id, client_id, name, status, start_date, launch_date, currency,"
                + " fee_budget_minor, payment_terms_days) SELECT :a, gen_random_uuid(), c.id, 'Project ' || g, 'ACTIVE',"
                + " DATE '2026-01-01' + g % 300, DATE '2026-12-01', 'EUR', 100000 * g, 30"
                + " FROM (SELECT id, row_number() OVER () AS n FROM client WHERE agency_id = :a) c"
                + " JOIN generate_series(1, 10000) g ON g % 1000 = c.n - 1").bind("a", agency.value()).then().block();
        db.sql("INSERT INTO team_member (agency_id, id, name, fte, currency, monthly_loaded_cost_minor,"
                + " daily_bill_rate_minor) SELECT :a, gen_random_uuid(), 'Person ' || g, 1, 'EUR', 500000, 60000"
                + " FROM generate_series(1, 200) g").bind("a", agency.value()).then().block();
        db.sql("INSERT INTO allocation (agency_id, id, team_member_id, project_id, share_percent, start_date, end_date)"
                + " SELECT :a, gen_random_uuid(), m.id, p.id, 10, p.start_date, p.start_date + 90"
                + " FROM (SELECT id, start_date, row_number() OVER () AS n FROM project WHERE agency_id = :a) p"
                + " JOIN (SELECT id, row_number() OVER () AS n FROM team_member WHERE agency_id = :a) m"
                + " ON m.n BETWEEN (p.n % 20) * 10 + 1 AND (p.n % 20) * 10 + 10").bind("a", agency.value()).then().block();
        db.sql("ANALYZE").then().block();
        print("allocations", agency, "allocation", ALLOCATIONS, AllocationRow.class);
        print("projects", agency, "project", PROJECTS, ProjectRow.class);
    }

    private <R> void print(String name, AgencyId agency, String table, String columns, Class<R> type) {
        String select = "SELECT " + columns + " FROM " + table + " WHERE agency_id = :a";
        RowReader<R> reader = RowReader.of(type, columns);
        Supplier<Integer> none = () -> db.sql(select).bind("a", agency.value()).map(row -> row.get(0)).all()
                .collectList().block().size();
        Supplier<Integer> reflective = () -> db.sql(select).bind("a", agency.value()).mapProperties(type).all()
                .collectList().block().size();
        Supplier<Integer> positional = () -> db.sql(select).bind("a", agency.value()).map(reader).all()
                .collectList().block().size();
        int rows = none.get();
        // interleaved, so a load change on the machine touches the three alike
        List<Long> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
        for (int i = 0; i < RUNS + 5; i++) {
            long t0 = System.nanoTime();
            none.get();
            long t1 = System.nanoTime();
            reflective.get();
            long t2 = System.nanoTime();
            positional.get();
            long t3 = System.nanoTime();
            if (i >= 5) {
                a.add(t1 - t0);
                b.add(t2 - t1);
                c.add(t3 - t2);
            }
        }
        System.out.printf("%s (%,d rows), median of %d after 5 warm-up: first column only %.1f ms,"
                + " reflective %.1f ms, positional %.1f ms%n", name, rows, RUNS, median(a), median(b), median(c));
    }

    private static double median(List<Long> nanos) {
        Collections.sort(nanos);
        return nanos.get(nanos.size() / 2) / 1e6;
    }
}
