package io.cordee.api.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordee.api.imports.SpreadsheetReader;
import io.cordee.api.support.ApiTest;
import io.cordee.api.support.Tenants;
import io.cordee.core.common.Actor;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportProgress;
import io.cordee.core.imports.ImportReport;
import io.cordee.core.imports.ImportService;
import io.cordee.core.imports.Sheet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18's import benchmark: 100,000 invoice rows of 1,000 clients (semicolon, decimal comma, dd/mm/yyyy), read,
 * planned and applied in one transaction, into an empty agency. Not part of the test suite; run it with
 * {@code ./mvnw -B -Pbenchmark verify} (the application at -Xmx512m) — see docs/benchmarks.md. Target: under 30 s,
 * heap under 256 MB. Prints the time of each step and the peak heap used (all heap pools, after a GC before the
 * start).
 */
@ApiTest
class ImportBenchmark {

    static final int ROWS = 100_000;
    static final int CLIENTS = 1_000;

    @Autowired
    Tenants tenants;
    @Autowired
    ImportService imports;

    @Test
    void hundredThousandInvoiceRows() {
        StringBuilder csv = new StringBuilder("Numéro de facture;Client;Projet;Date d'émission;Montant TTC\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            LocalDate issued = start.plusDays(i % 700);
            csv.append("F-").append(100_000 + i).append(";Client ").append(i % CLIENTS).append(";Projet ")
                    .append(i % 3).append(';').append(String.format("%02d/%02d/%d", issued.getDayOfMonth(),
                            issued.getMonthValue(), issued.getYear())).append(';')
                    .append(1000 + i % 9000).append(',').append(String.format("%02d", i % 100)).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Tenants.Tenant tenant = tenants.create("Import Benchmark Agency");
        Actor actor = new Actor(tenant.agencyId(), tenant.owner().userId(), null, null, "benchmark");

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        Sheet sheet = SpreadsheetReader.read(bytes, "invoices.csv");
        long t1 = System.nanoTime();
        Map<String, String> mapping = imports.mapping(tenant.owner(), ImportKind.INVOICES, sheet, Map.of())
                .block(Duration.ofMinutes(1));
        ImportReport dry = imports.dryRun(tenant.owner(), ImportKind.INVOICES, sheet, mapping)
                .block(Duration.ofMinutes(5));
        long t2 = System.nanoTime();
        ImportReport applied = imports.apply(tenant.owner(), actor, ImportKind.INVOICES, sheet, mapping,
                ImportProgress.NONE).block(Duration.ofMinutes(30));
        long t3 = System.nanoTime();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        // the old generation's peak: what survived young collections (the sheet, the plan), closer to the live set
        long oldPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP
                && p.getName().contains("Old")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();

        assertThat(dry.issueCount()).isZero();
        assertThat(applied.applied()).isTrue();
        assertThat(applied.of("invoices").created()).isEqualTo(ROWS);
        System.out.printf("IMPORT BENCHMARK: %,d rows, %,d bytes: read %d ms, map+dry run %d ms, apply %d ms,"
                        + " total %d ms; peak heap used %,d MB (sum of heap pools' peaks), old generation's peak"
                        + " %,d MB, -Xmx %,d MB%n", ROWS, bytes.length,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t3 - t0) / 1_000_000,
                peak / (1024 * 1024), oldPeak / (1024 * 1024), max / (1024 * 1024));
    }
}
