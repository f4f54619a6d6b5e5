package io.cordee.core.bankstatement;

import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceId;
import io.cordee.core.billing.InvoiceStatus;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientId;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes an open invoice for each credit (ADR 52), a pure function. First the exact amount still due and the
 * invoice's number found in the remittance text (as a whole word: {@code F-12} is not found in {@code F-123});
 * then the exact amount and the client's name matching the debtor's (one contains the other, compared without
 * case, accents or punctuation). Only an unambiguous candidate is proposed, and an invoice to one credit only.
 */
public final class StatementMatcher {

    public enum Reason { NUMBER_AND_AMOUNT, CLIENT_AND_AMOUNT }

    public record Proposal(int credit, InvoiceId invoiceId, Reason reason) {
    }

    private StatementMatcher() {
    }

    /** One entry per credit, in order; {@code invoiceId} and {@code reason} are null when nothing fits. */
    public static List<Proposal> propose(List<BankStatement.Credit> credits, List<Invoice> invoices,
                                         Map<ClientId, Client> clients) {
        List<Invoice> open = invoices.stream().filter(i -> i.status() == InvoiceStatus.ISSUED
                && i.balanceDue().minorUnits() > 0).toList();
        Set<InvoiceId> taken = new HashSet<>();
        List<Proposal> proposals = new ArrayList<>();
        for (int n = 0; n < credits.size(); n++) {
            BankStatement.Credit credit = credits.get(n);
            List<Invoice> sameAmount = open.stream().filter(i -> !taken.contains(i.id())
                    && i.balanceDue().equals(credit.amount())).toList();
            List<Invoice> byNumber = sameAmount.stream().filter(i -> i.number() != null
                    && containsWord(credit.remittance(), i.number())).toList();
            Proposal proposal;
            if (byNumber.size() == 1) {
                proposal = new Proposal(n, byNumber.get(0).id(), Reason.NUMBER_AND_AMOUNT);
            } else {
                String debtor = normalise(credit.debtorName());
                List<Invoice> byClient = debtor.isEmpty() ? List.of() : sameAmount.stream().filter(i -> {
                    Client c = clients.get(i.clientId());
                    String name = c == null ? "" : normalise(c.name());
                    return !name.isEmpty() && (name.contains(debtor) || debtor.contains(name));
                }).toList();
                proposal = byClient.size() == 1 ? new Proposal(n, byClient.get(0).id(), Reason.CLIENT_AND_AMOUNT)
                        : new Proposal(n, null, null);
            }
            if (proposal.invoiceId() != null) {
                taken.add(proposal.invoiceId());
            }
            proposals.add(proposal);
        }
        return proposals;
    }

    static boolean containsWord(String text, String word) {
        if (text == null || word.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
