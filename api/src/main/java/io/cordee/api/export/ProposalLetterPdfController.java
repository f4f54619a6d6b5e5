package io.cordee.api.export;

import io.cordee.api.http.FileEndpointRefusals;
import io.cordee.api.graphql.common.Callers;
import io.cordee.api.graphql.common.GlobalId;
import io.cordee.api.graphql.proposal.ProposalController;
import io.cordee.core.common.DomainException;
import io.cordee.core.common.NotFound;
import io.cordee.core.identity.Caller;
import io.cordee.core.proposal.ProposalId;
import io.cordee.core.proposal.ProposalService;
import io.cordee.core.proposal.SentProposal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A sent proposal's letter as PDF (ADR 65), exactly the letter stored when it was sent, in its language.
 * OWNER and FINANCE read every one; a CLIENT user the letters sent to its own client (another's is not
 * found); a LEAD none (403, as {@code RenegotiationProposal.letterHtml}). Refusals as the other exports.
 */
@RestController
public class ProposalLetterPdfController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final Logger log = LoggerFactory.getLogger(ProposalLetterPdfController.class);

    private final ProposalService proposals;

    public ProposalLetterPdfController(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/exports/proposals/{id}/letter.pdf")
    public Mono<ResponseEntity<byte[]>> letter(@PathVariable String id) {
        return Callers.current().flatMap(caller -> {
            if (!caller.seesMoney() && !caller.isClientUser()) {
                caller.require(Caller.MONEY_ROLES, "read proposal letters");
            }
            ProposalId proposalId = new ProposalId(GlobalId.decode(id, ProposalController.TYPE, "id"));
            return proposals.find(caller, proposalId)
                    .switchIfEmpty(Mono.error(() -> new NotFound(ProposalController.TYPE, proposalId.value())))
                    .flatMap(p -> Mono.fromCallable(() -> LetterPdf.render(p.letterHtml()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(pdf -> file(caller, p, pdf)));
        });
    }

    private static ResponseEntity<byte[]> file(Caller caller, SentProposal p, byte[] pdf) {
        log.info("export proposal letter {} by user {} ({}) of agency {}: {} bytes", p.id().value(),
                caller.userId().value(), caller.role(), caller.agencyId().value(), pdf.length);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(PDF);
        String name = (p.language() == io.cordee.core.proposal.Language.FR ? "proposition-" : "proposal-")
                + p.sentOn() + ".pdf";
        headers.setContentDisposition(ContentDisposition.attachment().filename(name).build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
    }

    @ExceptionHandler(DomainException.class)
    public ResponseEntity<String> refused(DomainException e) {
        return FileEndpointRefusals.of(e);
    }
}
