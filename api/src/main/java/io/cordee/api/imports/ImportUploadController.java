package io.cordee.api.imports;

import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.http.FileEndpointRefusals;
import io.cordee.api.http.FileUploads;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.identity.ApiToken;
import io.cordee.core.identity.ApiTokenAccess;
import io.cordee.core.identity.ApiTokenArea;
import io.cordee.core.identity.Caller;
import io.cordee.core.imports.ImportKind;
import io.cordee.core.imports.ImportLimits;
import io.cordee.core.imports.ImportService;
import io.cordee.core.imports.Sheet;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /imports?kind=CLIENTS|INVOICES|PAYMENTS|FEC|CAMT053|OFX&fileName=…} beside {@code /graphql} (ADR 49): the body is
 * the file itself ({@code text/csv}, the XLSX media type or {@code application/octet-stream}), at most
 * {@link ImportLimits#MAX_FILE_BYTES}. It is read at once — a file that is not a readable spreadsheet is refused
 * here, 400 with the reason — and kept as a job whose id the answer gives ({@code 201}, JSON): the rest (mapping,
 * preview, dry run, apply, cancel, progress) is GraphQL on the job. Nothing is written to the database.
 *
 * <p>Who: {@code OWNER} and {@code FINANCE}, by session or by a {@code READ_WRITE} API token with the areas the
 * kind writes ({@link #areas}). Cross-site: the media types accepted are none a form or a simple request can
 * send, so a page elsewhere cannot post without a CORS preflight (which fails), the session cookie is
 * SameSite=Strict anyway, and a request whose {@code Origin} is not this host is refused.
 */
@RestController
public class ImportUploadController {

    public static final String PATH = "/imports";
    static final Set<String> MEDIA_TYPES = Set.of("text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream");
    private static final Logger log = LoggerFactory.getLogger(ImportUploadController.class);

    private final ImportService imports;
    private final ImportJobs jobs;
    private final io.cordee.api.bankstatement.BankStatementUploads statements;

    public ImportUploadController(ImportService imports, ImportJobs jobs,
                                  io.cordee.api.bankstatement.BankStatementUploads statements) {
        this.imports = imports;
        this.jobs = jobs;
        this.statements = statements;
    }

    /** The token areas a kind of import writes: invoices bring their clients and projects with them. */
    static Set<ApiTokenArea> areas(ImportKind kind) {
        return switch (kind) {
            case CLIENTS -> Set.of(ApiTokenArea.CLIENTS);
            case INVOICES -> Set.of(ApiTokenArea.CLIENTS, ApiTokenArea.PROJECTS, ApiTokenArea.BILLING);
            case PAYMENTS -> Set.of(ApiTokenArea.BILLING);
            // a FEC brings clients, their invoices in projects, payments and bank balances (ADR 51)
            case FEC -> Set.of(ApiTokenArea.CLIENTS, ApiTokenArea.PROJECTS, ApiTokenArea.BILLING, ApiTokenArea.CASH);
            // a project may bring its client (ADR 56); team members' costs are STAFFING's
            case PROJECTS -> Set.of(ApiTokenArea.CLIENTS, ApiTokenArea.PROJECTS);
            case TEAM -> Set.of(ApiTokenArea.STAFFING);
        };
    }

    /** Refuses an API token that may not write what {@code kind} writes; a session passes. */
    static Mono<Void> checkToken(ImportKind kind) {
        return Callers.apiToken()
                .flatMap(token -> refusal(token, kind).map(m -> Mono.<Void>error(new Forbidden(m)))
                        .orElse(Mono.empty()))
                .then();
    }

    static Optional<String> refusal(ApiToken token, ImportKind kind) {
        if (token.access() == ApiTokenAccess.READ_ONLY) {
            return Optional.of("This API token is read-only: it cannot import");
        }
        Set<ApiTokenArea> missing = areas(kind).stream().filter(a -> !token.mayChange(a))
                .collect(Collectors.toSet());
        return missing.isEmpty() ? Optional.empty() : Optional.of("An import of " + kind.name().toLowerCase(Locale.ROOT)
                + " writes " + areas(kind).stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                + "; this API token may not change " + missing.stream().map(Enum::name).sorted()
                .collect(Collectors.joining(", ")));
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<String>> upload(ServerHttpRequest request, @RequestParam(required = false) String kind,
                                               @RequestParam(required = false) String fileName) {
        return Callers.current().flatMap(caller -> {
            sameOrigin(request);
            if (kind != null && io.cordee.api.bankstatement.BankStatementUploads.KINDS.contains(kind.strip())) {
                return statement(request, caller, kind.strip(), fileName);
            }
            ImportKind importKind = kind(kind);
            FileUploads.checkHeaders(request, MEDIA_TYPES, "the file", ImportLimits.MAX_FILE_BYTES,
                    ImportUploadController::tooLarge);
            String name = FileUploads.fileName(fileName);
            String key = request.getHeaders().getFirst("Idempotency-Key");
            return checkToken(importKind)
                    .then(mayImport(caller))
                    .then(FileUploads.body(request, ImportLimits.MAX_FILE_BYTES, ImportUploadController::tooLarge))
                    .flatMap(bytes -> {
                        Sheet sheet = importKind == ImportKind.FEC ? FecReader.read(bytes)
                                : SpreadsheetReader.read(bytes, name);
                        return imports.mapping(caller, importKind, sheet, Map.of()).map(mapping -> {
                            ImportJob job = jobs.create(caller, importKind, name, sheet, mapping, key);
                            log.info("import uploaded: kind={} rows={} bytes={} user={} agency={}", importKind,
                                    sheet.rows().size(), bytes.length, caller.userId().value(),
                                    caller.agencyId().value());
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("id", GlobalId.of(ImportJob.TYPE, job.id()));
                            body.put("kind", job.kind().name());
                            body.put("rows", job.sheet().rows().size());
                            body.put("headers", job.sheet().headers());
                            return FileUploads.created(body);
                        });
                    });
        });
    }

    /** A bank statement (ADR 52): the same checks, token area CASH and BILLING, then {@code BankStatementUploads}. */
    private Mono<ResponseEntity<String>> statement(ServerHttpRequest request, Caller caller, String kind,
                                                   String fileName) {
        FileUploads.checkHeaders(request, io.cordee.api.bankstatement.BankStatementUploads.MEDIA_TYPES, "the file",
                ImportLimits.MAX_FILE_BYTES, ImportUploadController::tooLarge);
        String name = FileUploads.fileName(fileName);
        Mono<Void> token = Callers.apiToken()
                .flatMap(t -> t.access() == ApiTokenAccess.READ_ONLY || !t.mayChange(ApiTokenArea.BILLING)
                        || !t.mayChange(ApiTokenArea.CASH)
                        ? Mono.<Void>error(new Forbidden("A bank statement writes BILLING, CASH; this API token"
                        + " may not change both")) : Mono.empty())
                .then();
        return token.then(mayImport(caller))
                .then(FileUploads.body(request, ImportLimits.MAX_FILE_BYTES, ImportUploadController::tooLarge))
                .map(bytes -> FileUploads.created(statements.read(caller, kind, name, bytes)));
    }

    /** Imports change money: {@code OWNER} and {@code FINANCE} only (docs/roles.md). */
    private static Mono<Void> mayImport(Caller caller) {
        return caller.seesMoney() ? Mono.empty()
                : Mono.error(new Forbidden("Your role (" + caller.role() + ") may not import data"));
    }

    private static InvalidInput tooLarge() {
        return FileEndpointRefusals.tooLarge(ImportLimits.MAX_FILE_BYTES, ErrorCode.IMPORT_FILE_INVALID);
    }

    static ImportKind kind(String kind) {
        try {
            return ImportKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("kind", "must be one of CLIENTS, INVOICES, PAYMENTS, FEC, CAMT053, OFX", ErrorCode.INVALID_FORMAT);
        }
    }

    /** A browser sends {@code Origin} on a POST; one from another site is refused (no CORS is configured for it). */
    static void sameOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return;
        }
        URI uri = request.getURI();
        try {
            URI o = URI.create(origin);
            String host = request.getHeaders().getFirst(HttpHeaders.HOST);
            String originHost = o.getHost() + (o.getPort() < 0 ? "" : ":" + o.getPort());
            if (host != null ? host.equalsIgnoreCase(originHost) || host.equalsIgnoreCase(o.getHost())
                    : originHost.equalsIgnoreCase(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // fall through: an unreadable Origin is not ours
        }
        throw new Forbidden("Uploads are taken from this site's own pages only (Origin " + origin + ")");
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<String> refused(DomainException e) {
        return FileEndpointRefusals.of(e);
    }

}
