package io.cordee.persistence.proposal;

import io.r2dbc.postgresql.codec.Json;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

@Table("renegotiation_proposal")
public record ProposalRow(UUID agencyId, UUID id, UUID clientId, String language, LocalDate sentOn, String channel, Json facts,
                          Json options, String letterMarkdown, String letterHtml, String answer,
                          Integer acceptedOption, String answerNote, LocalDate answeredOn, long version) {
}
