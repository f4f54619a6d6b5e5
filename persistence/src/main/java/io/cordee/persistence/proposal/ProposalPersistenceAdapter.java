package io.cordee.persistence.proposal;

import static io.cordee.persistence.common.Sql.bindOrNull;
import static io.cordee.persistence.common.Sql.updateAtVersion;

import io.cordee.core.agency.AgencyId;
import io.cordee.core.client.ClientId;
import io.cordee.core.common.Page;
import io.cordee.core.common.PageRequest;
import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.ProposalRepository;
import io.cordee.core.proposal.SentProposal;
import io.cordee.persistence.common.KeysetQuery;
import io.cordee.persistence.common.RowReader;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class ProposalPersistenceAdapter implements ProposalRepository {

    private static final String COLUMNS = "agency_id, id, client_id, language, sent_on, channel, facts, options,"
            + " letter_markdown, letter_html, answer, accepted_option, answer_note, answered_on, version";
    private static final KeysetQuery<ProposalRow> NEWEST_FIRST = new KeysetQuery<>("renegotiation_proposal",
            COLUMNS, "sent_on", ProposalRow.class, ProposalRow::sentOn, ProposalRow::id, LocalDate::parse, true);
    /** Every read of {@code ProposalRow} by position (ADR 62). */
    private static final RowReader<ProposalRow> ROW = NEWEST_FIRST.reader();

    private final DatabaseClient db;
    private final ProposalRowMapper mapper;

    public ProposalPersistenceAdapter(DatabaseClient db, ProposalRowMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<SentProposal> find(AgencyId agencyId, ProposalId id) {
        return NEWEST_FIRST.findById(db, agencyId.value(), id.value()).map(mapper::toDomain);
    }

    @Override
    public Mono<Page<SentProposal>> findPage(AgencyId agencyId, ClientId clientId, PageRequest page) {
        return NEWEST_FIRST.fetchOfClient(db, agencyId.value(), clientId, page, mapper::toDomain);
    }

    @Override
    public Mono<SentProposal> insert(SentProposal proposal) {
        return NEWEST_FIRST.insert(db, mapper.toRow(proposal)).map(mapper::toDomain);
    }

    @Override
    public Mono<SentProposal> updateAnswer(SentProposal proposal) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(updateAtVersion("renegotiation_proposal",
                        "answer = :answer, accepted_option = :acceptedOption, answer_note = :answerNote,"
                                + " answered_on = :answeredOn",
                        "id = :id") + " RETURNING " + COLUMNS)
                .bind("agencyId", proposal.agencyId().value()).bind("id", proposal.id().value())
                .bind("version", proposal.version());
        spec = bindOrNull(spec, "answer", proposal.answer() == null ? null : proposal.answer().name(), String.class);
        spec = bindOrNull(spec, "acceptedOption", proposal.acceptedOption(), Integer.class);
        spec = bindOrNull(spec, "answerNote", proposal.answerNote(), String.class);
        spec = bindOrNull(spec, "answeredOn", proposal.answeredOn(), LocalDate.class);
        return spec.map(ROW).one().map(mapper::toDomain);
    }
}
