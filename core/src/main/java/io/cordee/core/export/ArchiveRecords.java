package io.cordee.core.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The records archive format 4 adds (ADR 70): briefs with their versions, requirements and signatures, renegotiation
 * proposals with their options and answer, the comments on the game plan and on commitments, and (completed before
 * its release) the holidays' labels, the remembered spreadsheet mappings and the keys of confirmed bank-statement
 * credits. Plain values, as the tables hold them: nothing here is computed again on import (what was sent or
 * signed stays what it was). A person is named by e-mail ({@code signerEmail}, {@code authorEmail}); the import
 * maps an e-mail to a user of the importing agency when it has one, and keeps the name otherwise.
 */
public record ArchiveRecords(List<Brief> briefs, List<Version> versions, List<Requirement> requirements,
                             List<Signature> signatures, List<Proposal> proposals, List<Comment> comments,
                             List<HolidayLabel> holidayLabels, List<Mapping> mappings,
                             List<StatementLine> statementLines) {

    public static final ArchiveRecords NONE = new ArchiveRecords(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    /** Without the records format 4 gained later (ADR 70 amended): no labels, mappings or statement lines. */
    public ArchiveRecords(List<Brief> briefs, List<Version> versions, List<Requirement> requirements,
                          List<Signature> signatures, List<Proposal> proposals, List<Comment> comments) {
        this(briefs, versions, requirements, signatures, proposals, comments, List.of(), List.of(), List.of());
    }

    public ArchiveRecords {
        briefs = List.copyOf(briefs);
        versions = List.copyOf(versions);
        requirements = List.copyOf(requirements);
        signatures = List.copyOf(signatures);
        proposals = List.copyOf(proposals);
        comments = List.copyOf(comments);
        holidayLabels = List.copyOf(holidayLabels);
        mappings = List.copyOf(mappings);
        statementLines = List.copyOf(statementLines);
    }

    /** The label of a holiday; a day without one (an archive before labels) is imported as "Imported". */
    public String holidayLabel(LocalDate day) {
        return holidayLabels.stream().filter(h -> h.day().equals(day)).map(HolidayLabel::label).findFirst()
                .orElse("Imported");
    }

    /** {@code createdAt}/{@code updatedAt}: as the source had them; null (an older archive) is the import's time. */
    public record Brief(UUID id, UUID projectId, String title, Instant createdAt, Instant updatedAt) {

        public Brief(UUID id, UUID projectId, String title) {
            this(id, projectId, title, null, null);
        }
    }

    public record Version(UUID id, UUID briefId, int number, String status, List<String> objectives,
                          List<String> targetUsers, List<String> constraints, List<String> assumptions,
                          List<String> outOfScope, LocalDate launchDate, LocalDate communicationPlanDate,
                          Instant createdAt, Instant updatedAt) {
    }

    /** A holiday's day and label ({@code agency_holiday}). */
    public record HolidayLabel(LocalDate day, String label) {
    }

    /** A remembered spreadsheet column mapping ({@code import_mapping}): kind, JSON object as stored, when saved. */
    public record Mapping(String kind, String mapping, Instant updatedAt) {
    }

    /**
     * The key of a confirmed bank-statement credit ({@code bank_statement_line}): a statement imported again does
     * not propose it again.
     */
    public record StatementLine(UUID accountId, String lineKey, UUID invoiceId, long amountMinor, LocalDate bookedOn,
                                Instant createdAt) {
    }

    public record Requirement(UUID versionId, int position, String key, String title, String userStory,
                              String priority, BigDecimal estimateDays) {
    }

    /** {@code signedBy}: the user of the agency who signed, null when it has none with {@code signerEmail}. */
    public record Signature(UUID versionId, String party, UUID signedBy, String signerEmail, String signerName,
                            Instant signedAt, int versionNumber) {

        public Signature withSigner(UUID user) {
            return new Signature(versionId, party, user, signerEmail, signerName, signedAt, versionNumber);
        }
    }

    /** {@code facts} a JSON object, {@code options} a JSON array of objects, each as sent (V8). */
    public record Proposal(UUID id, UUID clientId, String language, LocalDate sentOn, String channel, String facts,
                           List<String> options, String letterMarkdown, String letterHtml, String answer,
                           Integer acceptedOption, String answerNote, LocalDate answeredOn, Instant createdAt,
                           Instant updatedAt) {
    }

    public record Comment(UUID id, UUID clientId, UUID agreementId, UUID commitmentId, String side, UUID authorId,
                          String authorEmail, String body, String kind, Instant createdAt) {

        public Comment withAuthor(UUID user) {
            return new Comment(id, clientId, agreementId, commitmentId, side, user, authorEmail, body, kind, createdAt);
        }
    }

    /** A user of an agency as the import maps e-mails: never a password, a session or a second factor. */
    public record Account(UUID id, String email, String role, UUID clientId) {
    }
}
