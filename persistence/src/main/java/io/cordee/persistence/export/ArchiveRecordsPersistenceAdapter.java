package io.cordee.persistence.export;

import static io.cordee.persistence.common.Sql.bindOrNull;
import static io.cordee.persistence.common.Timestamps.instant;
import static io.cordee.persistence.common.Timestamps.utc;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.export.ArchiveRecords;
import io.cordee.core.export.ArchiveRecordsRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Archive format 4's records (ADR 70) read and written as the tables hold them, one agency at a time. The reads
 * name people by e-mail (a signature's own {@code signer_email}, else its user's); the inserts take the agency id
 * from the caller, never from the records.
 */
@Repository
public class ArchiveRecordsPersistenceAdapter implements ArchiveRecordsRepository {

    private final DatabaseClient db;

    public ArchiveRecordsPersistenceAdapter(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ArchiveRecords> read(AgencyId agency) {
        UUID a = agency.value();
        Mono<List<ArchiveRecords.Brief>> briefs = db.sql("SELECT id, project_id, title, created_at, updated_at FROM brief"
                        + " WHERE agency_id = :a ORDER BY id").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Brief(r.get("id", UUID.class), r.get("project_id", UUID.class),
                        r.get("title", String.class), instant(r.get("created_at", OffsetDateTime.class)),
                        instant(r.get("updated_at", OffsetDateTime.class)))).all().collectList();
        Mono<List<ArchiveRecords.Version>> versions = db.sql("SELECT id, brief_id, number, status, objectives,"
                        + " target_users, constraints, assumptions, out_of_scope, launch_date, communication_plan_date,"
                        + " created_at, updated_at FROM brief_version WHERE agency_id = :a ORDER BY brief_id, number").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Version(r.get("id", UUID.class), r.get("brief_id", UUID.class),
                        r.get("number", Integer.class), r.get("status", String.class),
                        list(r.get("objectives", String[].class)), list(r.get("target_users", String[].class)),
                        list(r.get("constraints", String[].class)), list(r.get("assumptions", String[].class)),
                        list(r.get("out_of_scope", String[].class)), r.get("launch_date", LocalDate.class),
                        r.get("communication_plan_date", LocalDate.class),
                        instant(r.get("created_at", OffsetDateTime.class)),
                        instant(r.get("updated_at", OffsetDateTime.class)))).all().collectList();
        Mono<List<ArchiveRecords.Requirement>> requirements = db.sql("SELECT brief_version_id, position, key, title,"
                        + " user_story, priority, estimate_days FROM brief_requirement WHERE agency_id = :a"
                        + " ORDER BY brief_version_id, position").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Requirement(r.get("brief_version_id", UUID.class),
                        r.get("position", Integer.class), r.get("key", String.class), r.get("title", String.class),
                        r.get("user_story", String.class), r.get("priority", String.class),
                        r.get("estimate_days", BigDecimal.class))).all().collectList();
        Mono<List<ArchiveRecords.Signature>> signatures = db.sql("SELECT s.brief_version_id, s.party, s.signed_by,"
                        + " COALESCE(s.signer_email, u.email) AS email, s.signer_name, s.signed_at, s.version_number"
                        + " FROM brief_signature s LEFT JOIN app_user u ON u.agency_id = s.agency_id AND u.id = s.signed_by"
                        + " WHERE s.agency_id = :a ORDER BY s.brief_version_id, s.party").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Signature(r.get("brief_version_id", UUID.class),
                        r.get("party", String.class), r.get("signed_by", UUID.class), r.get("email", String.class),
                        r.get("signer_name", String.class), instant(r.get("signed_at", OffsetDateTime.class)),
                        r.get("version_number", Integer.class))).all().collectList();
        // the options as one JSON object each, in the order the letter numbers them
        Mono<List<ArchiveRecords.Proposal>> proposals = db.sql("SELECT id, client_id, language, sent_on, channel,"
                        + " facts::text AS facts, ARRAY(SELECT e::text FROM jsonb_array_elements(options)"
                        + " WITH ORDINALITY AS o(e, n) ORDER BY n) AS options, letter_markdown, letter_html, answer,"
                        + " accepted_option, answer_note, answered_on, created_at, updated_at FROM renegotiation_proposal WHERE agency_id = :a"
                        + " ORDER BY id").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Proposal(r.get("id", UUID.class), r.get("client_id", UUID.class),
                        r.get("language", String.class), r.get("sent_on", LocalDate.class),
                        r.get("channel", String.class), r.get("facts", String.class),
                        list(r.get("options", String[].class)), r.get("letter_markdown", String.class),
                        r.get("letter_html", String.class), r.get("answer", String.class),
                        r.get("accepted_option", Integer.class), r.get("answer_note", String.class),
                        r.get("answered_on", LocalDate.class), instant(r.get("created_at", OffsetDateTime.class)),
                        instant(r.get("updated_at", OffsetDateTime.class)))).all().collectList();
        Mono<List<ArchiveRecords.Comment>> comments = db.sql("SELECT c.id, c.client_id, c.agreement_id,"
                        + " c.commitment_id, c.side, c.author_id, u.email, c.body, c.kind, c.created_at"
                        + " FROM relationship_comment c LEFT JOIN app_user u ON u.agency_id = c.agency_id"
                        + " AND u.id = c.author_id WHERE c.agency_id = :a ORDER BY c.id").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Comment(r.get("id", UUID.class), r.get("client_id", UUID.class),
                        r.get("agreement_id", UUID.class), r.get("commitment_id", UUID.class),
                        r.get("side", String.class), r.get("author_id", UUID.class), r.get("email", String.class),
                        r.get("body", String.class), r.get("kind", String.class),
                        instant(r.get("created_at", OffsetDateTime.class)))).all().collectList();
        Mono<List<ArchiveRecords.HolidayLabel>> labels = db.sql("SELECT day, label FROM agency_holiday"
                        + " WHERE agency_id = :a ORDER BY day").bind("a", a)
                .map((r, m) -> new ArchiveRecords.HolidayLabel(r.get("day", LocalDate.class),
                        r.get("label", String.class))).all().collectList();
        Mono<List<ArchiveRecords.Mapping>> mappings = db.sql("SELECT kind, mapping::text AS mapping, updated_at"
                        + " FROM import_mapping WHERE agency_id = :a ORDER BY kind").bind("a", a)
                .map((r, m) -> new ArchiveRecords.Mapping(r.get("kind", String.class), r.get("mapping", String.class),
                        instant(r.get("updated_at", OffsetDateTime.class)))).all().collectList();
        Mono<List<ArchiveRecords.StatementLine>> lines = db.sql("SELECT account_id, line_key, invoice_id,"
                        + " amount_minor, booked_on, created_at FROM bank_statement_line WHERE agency_id = :a"
                        + " ORDER BY account_id, line_key").bind("a", a)
                .map((r, m) -> new ArchiveRecords.StatementLine(r.get("account_id", UUID.class),
                        r.get("line_key", String.class), r.get("invoice_id", UUID.class),
                        r.get("amount_minor", Long.class), r.get("booked_on", LocalDate.class),
                        instant(r.get("created_at", OffsetDateTime.class)))).all().collectList();
        return Mono.zip(briefs, versions, requirements, signatures, proposals, comments, labels,
                        Mono.zip(mappings, lines))
                .map(t -> new ArchiveRecords(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(),
                        t.getT7(), t.getT8().getT1(), t.getT8().getT2()));
    }

    @Override
    public Mono<Void> insert(AgencyId agency, ArchiveRecords records) {
        UUID a = agency.value();
        // created_at/updated_at as the source had them; absent (an older archive): the import's time
        return each(records.briefs(), b -> times(db.sql("INSERT INTO brief (agency_id, id, project_id, title,"
                        + " created_at, updated_at) VALUES (:a, :id, :project, :title, COALESCE(:createdAt, now()),"
                        + " COALESCE(:updatedAt, now()))").bind("a", a).bind("id", b.id())
                        .bind("project", b.projectId()).bind("title", b.title()), b.createdAt(), b.updatedAt()))
                .then(each(records.versions(), v -> {
                    GenericExecuteSpec spec = db.sql("INSERT INTO brief_version (agency_id, id, brief_id, number,"
                                    + " status, objectives, target_users, constraints, assumptions, out_of_scope,"
                                    + " launch_date, communication_plan_date, created_at, updated_at) VALUES (:a, :id,"
                                    + " :brief, :number, :status, :objectives, :targetUsers, :constraints, :assumptions,"
                                    + " :outOfScope, :launch, :communication, COALESCE(:createdAt, now()),"
                                    + " COALESCE(:updatedAt, now()))")
                            .bind("a", a).bind("id", v.id()).bind("brief", v.briefId()).bind("number", v.number())
                            .bind("status", v.status()).bind("objectives", array(v.objectives()))
                            .bind("targetUsers", array(v.targetUsers())).bind("constraints", array(v.constraints()))
                            .bind("assumptions", array(v.assumptions())).bind("outOfScope", array(v.outOfScope()));
                    spec = times(spec, v.createdAt(), v.updatedAt());
                    spec = bindOrNull(spec, "launch", v.launchDate(), LocalDate.class);
                    return bindOrNull(spec, "communication", v.communicationPlanDate(), LocalDate.class);
                }))
                .then(each(records.requirements(), q -> bindOrNull(db.sql("INSERT INTO brief_requirement (agency_id,"
                                + " brief_version_id, position, key, title, user_story, priority, estimate_days)"
                                + " VALUES (:a, :version, :position, :key, :title, :story, :priority, :days)")
                        .bind("a", a).bind("version", q.versionId()).bind("position", q.position())
                        .bind("key", q.key()).bind("title", q.title()).bind("priority", q.priority())
                        .bind("days", q.estimateDays()), "story", q.userStory(), String.class)))
                .then(each(records.signatures(), s -> {
                    GenericExecuteSpec spec = db.sql("INSERT INTO brief_signature (agency_id, brief_version_id, party,"
                                    + " signed_by, signer_email, signer_name, signed_at, version_number)"
                                    + " VALUES (:a, :version, :party, :by, :email, :name, :at, :number)")
                            .bind("a", a).bind("version", s.versionId()).bind("party", s.party())
                            .bind("name", s.signerName()).bind("at", utc(s.signedAt()))
                            .bind("number", s.versionNumber());
                    spec = bindOrNull(spec, "by", s.signedBy(), UUID.class);
                    return bindOrNull(spec, "email", s.signerEmail() == null ? null : s.signerEmail().toLowerCase(),
                            String.class);
                }))
                .then(each(records.proposals(), p -> {
                    GenericExecuteSpec spec = db.sql("INSERT INTO renegotiation_proposal (agency_id, id, client_id,"
                                    + " language, sent_on, channel, facts, options, letter_markdown, letter_html, answer,"
                                    + " accepted_option, answer_note, answered_on, created_at, updated_at)"
                                    + " VALUES (:a, :id, :client, :language,"
                                    + " :sentOn, :channel, CAST(:facts AS jsonb), (SELECT jsonb_agg(CAST(e AS jsonb)"
                                    + " ORDER BY n) FROM unnest(CAST(:options AS text[])) WITH ORDINALITY AS o(e, n)),"
                                    + " :markdown, :html, :answer, :accepted, :note, :answeredOn,"
                                    + " COALESCE(:createdAt, now()), COALESCE(:updatedAt, now()))")
                            .bind("a", a).bind("id", p.id()).bind("client", p.clientId())
                            .bind("language", p.language()).bind("sentOn", p.sentOn()).bind("facts", p.facts())
                            .bind("options", array(p.options())).bind("markdown", p.letterMarkdown())
                            .bind("html", p.letterHtml());
                    spec = times(spec, p.createdAt(), p.updatedAt());
                    spec = bindOrNull(spec, "channel", p.channel(), String.class);
                    spec = bindOrNull(spec, "answer", p.answer(), String.class);
                    spec = bindOrNull(spec, "accepted", p.acceptedOption(), Integer.class);
                    spec = bindOrNull(spec, "note", p.answerNote(), String.class);
                    return bindOrNull(spec, "answeredOn", p.answeredOn(), LocalDate.class);
                }))
                .then(each(records.comments(), c -> {
                    GenericExecuteSpec spec = db.sql("INSERT INTO relationship_comment (agency_id, id, client_id,"
                                    + " agreement_id, commitment_id, side, author_id, body, kind, created_at)"
                                    + " VALUES (:a, :id, :client, :agreement, :commitment, :side, :author, :body, :kind,"
                                    + " :at)")
                            .bind("a", a).bind("id", c.id()).bind("client", c.clientId()).bind("side", c.side())
                            .bind("body", c.body()).bind("kind", c.kind()).bind("at", utc(c.createdAt()));
                    spec = bindOrNull(spec, "agreement", c.agreementId(), UUID.class);
                    spec = bindOrNull(spec, "commitment", c.commitmentId(), UUID.class);
                    return bindOrNull(spec, "author", c.authorId(), UUID.class);
                }))
                // the holidays' labels were written with the holidays; the remembered mappings and the keys of
                // confirmed statement credits (after the accounts and invoices they point at)
                .then(each(records.mappings(), x -> db.sql("INSERT INTO import_mapping (agency_id, kind, mapping,"
                                + " updated_at) VALUES (:a, :kind, CAST(:mapping AS jsonb), :at)")
                        .bind("a", a).bind("kind", x.kind()).bind("mapping", x.mapping())
                        .bind("at", utc(x.updatedAt()))))
                .then(each(records.statementLines(), x -> db.sql("INSERT INTO bank_statement_line (agency_id,"
                                + " account_id, line_key, invoice_id, amount_minor, booked_on, created_at)"
                                + " VALUES (:a, :account, :key, :invoice, :amount, :booked, :at)")
                        .bind("a", a).bind("account", x.accountId()).bind("key", x.lineKey())
                        .bind("invoice", x.invoiceId()).bind("amount", x.amountMinor()).bind("booked", x.bookedOn())
                        .bind("at", utc(x.createdAt()))));
    }

    @Override
    public Flux<ArchiveRecords.Account> accounts(AgencyId agency) {
        return db.sql("SELECT id, email, role, client_id FROM app_user WHERE agency_id = :a ORDER BY id")
                .bind("a", agency.value())
                .map((r, m) -> new ArchiveRecords.Account(r.get("id", UUID.class), r.get("email", String.class),
                        r.get("role", String.class), r.get("client_id", UUID.class))).all();
    }

    /** One statement after the other on the transaction's connection; each must write its row. */
    private static <T> Mono<Void> each(List<T> rows, Function<T, GenericExecuteSpec> insert) {
        return Flux.fromIterable(rows).concatMap(r -> insert.apply(r).fetch().rowsUpdated(), 1).then();
    }

    private static GenericExecuteSpec times(GenericExecuteSpec spec, Instant createdAt, Instant updatedAt) {
        GenericExecuteSpec created = bindOrNull(spec, "createdAt", utc(createdAt), OffsetDateTime.class);
        return bindOrNull(created, "updatedAt", utc(updatedAt), OffsetDateTime.class);
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
