package io.cordee.api.bankstatement;

import io.cordee.api.graphql.common.GlobalId;
import io.cordee.core.bankstatement.BankStatement;
import io.cordee.core.identity.Caller;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code POST /imports?kind=CAMT053|OFX} (ADR 52): the upload endpoint of ADR 49 hands statement files here once it
 * has checked the caller, the token, the origin and the size. The file is read at once (nothing is kept when it
 * cannot be) and held until the user confirms its matches.
 */
@Component
public class BankStatementUploads {

    public static final Set<String> KINDS = Set.of("CAMT053", "OFX");
    /** XML and OFX media types: none is a CORS "simple" type, like the spreadsheet ones. */
    public static final Set<String> MEDIA_TYPES = Set.of("application/xml", "text/xml", "application/x-ofx",
            "application/octet-stream");
    private static final Logger log = LoggerFactory.getLogger(BankStatementUploads.class);

    private final BankStatementJobs jobs;

    public BankStatementUploads(BankStatementJobs jobs) {
        this.jobs = jobs;
    }

    /** The answer's body: the statement job's id and what was read. */
    public Map<String, Object> read(Caller caller, String kind, String fileName, byte[] bytes) {
        BankStatement statement = StatementReader.read(bytes, kind);
        BankStatementJobs.Job job = jobs.create(caller.agencyId(), fileName, statement);
        log.info("bank statement uploaded: kind={} credits={} bytes={} user={} agency={}", kind,
                statement.credits().size(), bytes.length, caller.userId().value(), caller.agencyId().value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", GlobalId.of(BankStatementJobs.TYPE, job.id()));
        body.put("kind", kind);
        body.put("credits", statement.credits().size());
        body.put("balanceDate", statement.balanceDate().toString());
        return body;
    }
}
