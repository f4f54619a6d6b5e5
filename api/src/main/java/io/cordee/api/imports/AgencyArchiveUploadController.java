package io.cordee.api.imports;

import io.cordee.api.export.AgencyArchiveReader;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.http.FileEndpointRefusals;
import io.cordee.api.http.FileUploads;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.Forbidden;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.export.AgencyArchiveImport;
import io.cordee.core.identity.ApiTokenArea;
import io.cordee.core.identity.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /imports/agency-archive} (ADR 58): the body is an agency archive exported by
 * {@code GET /exports/agency.zip} ({@code application/zip} or {@code application/octet-stream}, at most
 * {@link AgencyArchiveReader#MAX_ARCHIVE_BYTES}). It is checked whole (manifest, hashes, row counts, every cell,
 * every reference), then written into the caller's agency — which must be empty — in one transaction, and the
 * answer ({@code 201}) counts what was written. Refusals are JSON in the GraphQL error shape: 400
 * {@code ARCHIVE_INVALID} naming the file and line, 409 {@code AGENCY_NOT_EMPTY}, 403, 401, 413.
 *
 * <p>Who: {@code OWNER} only (docs/roles.md), by session or by an API token that may change every area the
 * archive writes. Cross-site: the same rules as the spreadsheet upload ({@link ImportUploadController#sameOrigin}).
 */
@RestController
public class AgencyArchiveUploadController {

    public static final String PATH = "/imports/agency-archive";
    static final Set<String> MEDIA_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream");
    /** What an archive writes: a token must be allowed to change all of it. */
    static final Set<ApiTokenArea> AREAS = EnumSet.of(ApiTokenArea.CLIENTS, ApiTokenArea.PROJECTS,
            ApiTokenArea.BILLING, ApiTokenArea.CASH, ApiTokenArea.STAFFING, ApiTokenArea.SETTINGS,
            ApiTokenArea.RELATIONSHIP, ApiTokenArea.BRIEFS);
    private static final Logger log = LoggerFactory.getLogger(AgencyArchiveUploadController.class);

    private final AgencyArchiveImport archives;

    public AgencyArchiveUploadController(AgencyArchiveImport archives) {
        this.archives = archives;
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<String>> upload(ServerHttpRequest request) {
        return Callers.current().flatMap(caller -> {
            ImportUploadController.sameOrigin(request);
            caller.require(EnumSet.of(Role.OWNER), "import an agency archive");
            FileUploads.checkHeaders(request, MEDIA_TYPES, "the archive", AgencyArchiveReader.MAX_ARCHIVE_BYTES,
                    AgencyArchiveUploadController::tooLarge);
            Mono<Void> token = Callers.apiToken()
                    .flatMap(t -> AREAS.stream().allMatch(t::mayChange) ? Mono.<Void>empty()
                            : Mono.<Void>error(new Forbidden("An agency archive writes " + AREAS.stream()
                            .map(Enum::name).collect(Collectors.joining(", "))
                            + "; this API token may not change all of them")))
                    .then();
            return token.then(FileUploads.body(request, AgencyArchiveReader.MAX_ARCHIVE_BYTES,
                            AgencyArchiveUploadController::tooLarge))
                    .flatMap(bytes -> archives.importInto(caller, AgencyArchiveReader.read(bytes, caller.agencyId()))
                            .map(imported -> {
                                log.info("agency archive imported: bytes={} invoices={} user={} agency={}",
                                        bytes.length, imported.invoices(), caller.userId().value(),
                                        caller.agencyId().value());
                                Map<String, Object> body = new LinkedHashMap<>();
                                body.put("imported", imported);
                                return FileUploads.created(body);
                            }));
        });
    }

    private static InvalidInput tooLarge() {
        return FileEndpointRefusals.tooLarge(AgencyArchiveReader.MAX_ARCHIVE_BYTES, ErrorCode.ARCHIVE_INVALID);
    }

    /**
     * A rule of the database the file checks do not repeat (a CHECK or a unique index): the transaction was
     * rolled back, nothing was written. The constraint's name is enough to find the cell; the SQL is not shown.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    public ResponseEntity<String> breaksARule(org.springframework.dao.DataIntegrityViolationException e) {
        String detail = e.getMostSpecificCause().getMessage();
        java.util.regex.Matcher constraint = java.util.regex.Pattern.compile("constraint \"([a-z0-9_]+)\"")
                .matcher(detail == null ? "" : detail);
        log.info("agency archive refused by the database: {}", detail);
        return refused(InvalidInput.of("file", "the archive breaks a rule of the database"
                + (constraint.find() ? " (" + constraint.group(1) + ")" : "") + "; nothing was imported",
                ErrorCode.ARCHIVE_INVALID));
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<String> refused(DomainException e) {
        return FileEndpointRefusals.of(e);
    }
}
