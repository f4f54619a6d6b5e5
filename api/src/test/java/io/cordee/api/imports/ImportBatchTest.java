package io.cordee.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.common.Actor;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportProgress;
import io.cordee.core.imports.ImportReport;
import io.cordee.core.imports.ImportService;
import io.cordee.core.imports.Sheet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The batched apply (ADR 56): 2,500 invoice rows are written 1,000 per statement in one transaction, report their
 * progress per batch, change nothing when imported again, and a cancellation seen between two batches leaves
 * not one row — of the clients and projects already inserted by earlier batches either.
 */
@ApiTest
class ImportBatchTest {

    static final Duration WAIT = Duration.ofMinutes(2);
    static final int ROWS = 2_500;

    @Autowired
    Tenants tenants;
    @Autowired
    ImportService imports;
    @Autowired
    DatabaseClient db;

    Tenants.Tenant tenant;
    Actor actor;

    @BeforeEach
    void agency() {
        tenant = tenants.create("Batch Import Agency");
        actor = new Actor(tenant.agencyId(), tenant.owner().userId(), null, null, "applyImport");
    }

    /**
     * Row i: invoice B-i of "Client A" (even i) or "Client B" (odd i), project "Site", issued 2026-01-(1 + i % 28),
     * 100 + i % 10 euros. Each run of ten rows is 100 + 101 + … + 109 = 1,045 €; 2,500 rows are 250 runs:
     * 261,250 € = 26,125,000 cents. Records: 2 clients + 2 projects (Site of each) + 2,500 invoices = 2,504.
     */
    static Sheet sheet() {
        StringBuilder csv = new StringBuilder("Invoice number;Client;Project;Issue date;Amount\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("B-").append(i).append(';').append(i % 2 == 0 ? "Client A" : "Client B").append(";Site;")
                    .append(String.format("%02d/01/2026", 1 + i % 28)).append(';').append(100 + i % 10)
                    .append(",00\n");
        }
        return SpreadsheetReader.read(csv.toString().getBytes(StandardCharsets.UTF_8), "b.csv");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoThousandFiveHundredRowsAreWrittenInBatchesAndAgainChangeNothing() {
        Sheet sheet = sheet();
        Map<String, String> mapping = imports.mapping(tenant.owner(), ImportKind.INVOICES, sheet, Map.of()).block(WAIT);
        Recorder progress = new Recorder(Integer.MAX_VALUE);

        ImportReport report = imports.apply(tenant.owner(), actor, ImportKind.INVOICES, sheet, mapping, progress)
                .block(WAIT);

        assertThat(report.applied()).isTrue();
        assertThat(report.of("invoices").created()).isEqualTo(ROWS);
        // one call before the first write, then one per statement: 2 clients, 2 projects, 1,000 + 1,000 + 500 invoices
        assertThat(progress.seen).containsExactly(0, 2, 4, 1_004, 2_004, 2_504);
        assertThat(progress.total).isEqualTo(2_504);
        assertThat(invoices()).isEqualTo(List.of(2_500L, 26_125_000L));
        assertThat(count("SELECT count(*) FROM project WHERE agency_id = :a AND name = 'Site'")).isEqualTo(2);
        // the audit trail still has each record: 2,504 rows inserted by this import
        assertThat(count("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'applyImport'"
                + " AND record IN ('client', 'project', 'invoice')"))
                .isEqualTo(2_504);

        // the entry of invoice B-0, written per statement (V39), is what the row trigger wrote: every column but
        // agency_id, version and the timestamps that is not null, old null → new; B-0 is 100,00 € issued on
        // 2026-01-01, due 30 days later (the new client's terms) on 2026-01-31, labelled "Invoice B-0"
        String changes = db.sql("SELECT e.changes::text FROM audit_entry e JOIN invoice i ON i.agency_id = e.agency_id"
                        + " AND i.id = e.entity_id WHERE e.agency_id = :a AND i.number = 'B-0' AND e.record = 'invoice'")
                .bind("a", tenant.agencyId().value()).mapValue(String.class).one().block(WAIT);
        Map<String, Object> entry = tools.jackson.databind.json.JsonMapper.builder().build().readValue(changes,
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
                });
        assertThat(new java.util.TreeSet<>(entry.keySet())).containsExactly("amount_minor", "client_id", "currency",
                "due_date", "id", "issue_date", "label", "number", "paid_minor", "project_id", "status");
        assertThat((Map<Object, Object>) entry.get("amount_minor")).hasSize(2).containsEntry("old", null)
                .containsEntry("new", 10_000);
        assertThat((Map<Object, Object>) entry.get("due_date")).hasSize(2).containsEntry("old", null)
                .containsEntry("new", "2026-01-31");
        assertThat((Map<Object, Object>) entry.get("label")).hasSize(2).containsEntry("old", null)
                .containsEntry("new", "Invoice B-0");

        ImportReport again = imports.apply(tenant.owner(), actor, ImportKind.INVOICES, sheet(), mapping,
                ImportProgress.NONE).block(WAIT);

        assertThat(again.applied()).isTrue();
        assertThat(again.of("invoices").created()).isZero();
        assertThat(again.of("invoices").skipped()).isEqualTo(ROWS);
        assertThat(invoices()).isEqualTo(List.of(2_500L, 26_125_000L));
        assertThat(count("SELECT count(*) FROM client WHERE agency_id = :a AND name LIKE 'Client _'")).isEqualTo(2);
    }

    @Test
    void aCancellationBetweenTwoBatchesLeavesNoRowAtAll() {
        Sheet sheet = sheet();
        Map<String, String> mapping = imports.mapping(tenant.owner(), ImportKind.INVOICES, sheet, Map.of()).block(WAIT);
        // cancelled once the first 1,000 invoices are written (after 2 clients and 2 projects: 1,004 records)
        Recorder progress = new Recorder(1_004);

        assertThatThrownBy(() -> imports.apply(tenant.owner(), actor, ImportKind.INVOICES, sheet, mapping, progress)
                .block(WAIT))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo(ErrorCode.IMPORT_CANCELLED));

        assertThat(progress.seen).containsExactly(0, 2, 4, 1_004);
        assertThat(invoices()).isEqualTo(List.of(0L, 0L));
        assertThat(count("SELECT count(*) FROM project WHERE agency_id = :a")).isZero();
        assertThat(count("SELECT count(*) FROM client WHERE agency_id = :a AND name LIKE 'Client _'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE agency_id = :a AND operation = 'applyImport'"
                + " AND record IN ('client', 'project', 'invoice')"))
                .isZero();
    }

    /** Records the progress; asks to cancel once {@code cancelAt} records are done. */
    static final class Recorder implements ImportProgress {
        final List<Integer> seen = new ArrayList<>();
        final int cancelAt;
        int total;

        Recorder(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public synchronized void done(int done, int total) {
            seen.add(done);
            this.total = total;
        }

        @Override
        public synchronized boolean cancelled() {
            return !seen.isEmpty() && seen.get(seen.size() - 1) >= cancelAt;
        }
    }

    private List<Long> invoices() {
        return db.sql("SELECT count(*) AS n, coalesce(sum(amount_minor), 0) AS total FROM invoice WHERE agency_id = :a")
                .bind("a", tenant.agencyId().value())
                .map((row, meta) -> List.of(row.get("n", Long.class), ((Number) row.get("total")).longValue()))
                .one().block(WAIT);
    }

    private long count(String sql) {
        return db.sql(sql).bind("a", tenant.agencyId().value()).map((row, meta) -> row.get(0, Long.class)).one()
                .block(WAIT);
    }
}
