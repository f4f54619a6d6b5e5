package io.cordee.core.proposal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The letter the agency sends with a proposal, in French or English, as Markdown or as a printable HTML
 * page. The tone is a partner's: we value the work together; here are the facts; here are options that
 * keep the project healthy for both. It shows what the client may read — its share of the agency's
 * time, the work carried ahead of payment and for how long, the time to first payment, how it pays, and
 * what each option does to the work carried ahead of payment — and never the agency's own cash.
 *
 * <p>The letter is built once as a small document (headings, paragraphs, bullets made of text runs) and
 * written out by one renderer per format. Every value (names, numbers) is a text run, escaped by the
 * renderer: HTML-escaped in HTML, backslash-escaped in Markdown. See ADR 11.
 */
public final class ProposalLetter {

    public enum Format {
        MARKDOWN,
        HTML
    }

    /** A piece of text; {@code bold} for the lead-in of a bullet. */
    record Run(String text, boolean bold) {
        static Run of(String text) {
            return new Run(text, false);
        }

        static Run strong(String text) {
            return new Run(text, true);
        }
    }

    sealed interface Block permits Heading, Paragraph, Bullets, Table {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(List<Run> runs) implements Block {
    }

    /** A table of figures (ADR 65): a header row, then rows of plain text cells, numbers right-aligned. */
    record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    record Bullets(List<List<Run>> items) implements Block {
    }

    private ProposalLetter() {
    }

    /**
     * @param agencyName who signs the letter
     * @param date       the letter's date (the day it is sent, or today for a draft)
     */
    public static String render(RenegotiationProposal proposal, String agencyName, LocalDate date,
                                Language language, Format format) {
        List<Block> blocks = language == Language.FR ? french(proposal, agencyName)
                : english(proposal, agencyName);
        String title = (language == Language.FR ? "Une proposition pour garder nos projets en bonne santé — "
                : "A proposal to keep our projects healthy — ") + proposal.facts().clientName();
        return format == Format.HTML ? html(title, LetterFormats.date(date, language), blocks, language)
                : markdown(title, LetterFormats.date(date, language), blocks);
    }

    // ---- the words -----------------------------------------------------------------------------

    private static List<Block> english(RenegotiationProposal p, String agencyName) {
        Language en = Language.EN;
        ProposalFacts f = p.facts();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(List.of(Run.of("Dear " + f.clientName() + " team,"))));
        blocks.add(new Paragraph(List.of(Run.of("We value the work we do together, and we want it to stay healthy"
                + " for both of us. In that spirit, here are the facts as we see them, openly, and a few options"
                + " for adapting how the work is invoiced and paid."))));
        blocks.add(new Heading(2, "The facts"));
        List<List<Run>> facts = new ArrayList<>();
        String enShares = shares(f, en);
        facts.add(List.of(Run.strong("Our team's time."), Run.of(enShares.isEmpty()
                ? " None of our team's time is planned for your projects in the coming six months."
                : " In the coming months your projects take this share of our whole team's time: " + enShares + "."
                        + heavy(f, en))));
        if (f.peakExposure().minorUnits() > 0) {
            facts.add(List.of(Run.strong("Work carried ahead of payment."), Run.of(" At its highest, the work we"
                    + " have done for you and not yet been paid for reaches " + LetterFormats.money(f.peakExposure(), en)
                    + (f.peakWeek() == null ? "" : " (week of " + LetterFormats.date(f.peakWeek(), en) + ")")
                    + "; we carry some of it in " + f.weeksAboveZero() + " of the next " + f.horizonWeeks()
                    + " weeks.")));
        }
        for (ProposalFacts.ProjectCash project : f.timeToFirstCash()) {
            facts.add(List.of(Run.strong("Time to first payment."), Run.of(" " + project.projectName() + ": "
                    + (project.days() == null ? "no payment is expected yet"
                    : project.days() + " days from the start of the project to its first payment") + ".")));
        }
        facts.add(List.of(Run.strong("Payment timing."), Run.of(" Your invoices are on " + f.paymentTermsDays()
                + "-day terms and " + (f.delaysAreTheClients()
                ? (f.expectedDelayDays() <= 0 ? "have been paid on time"
                        : "have been paid " + f.expectedDelayDays() + " days after their due date")
                        + " (the median of the last " + f.basedOnInvoices() + " invoices)."
                : f.expectedDelayDays() <= 0 ? "we expect them to be paid on time."
                : "we expect them to be paid about " + f.expectedDelayDays() + " days after their due date."))));
        blocks.add(new Bullets(facts));
        blocks.add(new Heading(2, p.options().size() == 1 ? "The option we propose" : "Options we propose"));
        blocks.addAll(options(p, en));
        blocks.add(figures(p, en));
        blocks.add(new Paragraph(List.of(Run.of("Each of these keeps the project on a sound footing for your"
                + " team and ours. We would be glad to talk them over with you, or any other arrangement that"
                + " works for both of us."))));
        blocks.add(new Paragraph(List.of(Run.of("Kind regards,"))));
        blocks.add(new Paragraph(List.of(Run.of(agencyName))));
        return blocks;
    }

    private static List<Block> french(RenegotiationProposal p, String agencyName) {
        Language fr = Language.FR;
        ProposalFacts f = p.facts();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(List.of(Run.of("Chère équipe " + f.clientName() + ","))));
        blocks.add(new Paragraph(List.of(Run.of("Nous tenons au travail que nous menons ensemble et nous voulons"
                + " qu'il reste sain pour chacun de nous. Dans cet esprit, voici les faits tels que nous les voyons,"
                + " en toute transparence, et quelques options pour adapter la facturation et les paiements."))));
        blocks.add(new Heading(2, "Les faits"));
        List<List<Run>> facts = new ArrayList<>();
        String frShares = shares(f, fr);
        facts.add(List.of(Run.strong("Le temps de notre équipe."), Run.of(frShares.isEmpty()
                ? " Aucun temps de notre équipe n'est prévu pour vos projets dans les six mois qui viennent."
                : " Dans les mois qui viennent, vos projets occupent cette part du temps de toute notre équipe : "
                        + frShares + "." + heavy(f, fr))));
        if (f.peakExposure().minorUnits() > 0) {
            facts.add(List.of(Run.strong("Le travail porté avant paiement."), Run.of(" Au plus haut, le travail"
                    + " réalisé pour vous et pas encore payé atteint " + LetterFormats.money(f.peakExposure(), fr)
                    + (f.peakWeek() == null ? "" : " (semaine du " + LetterFormats.date(f.peakWeek(), fr) + ")")
                    + " ; nous en portons une part pendant " + f.weeksAboveZero() + " des " + f.horizonWeeks()
                    + " prochaines semaines.")));
        }
        for (ProposalFacts.ProjectCash project : f.timeToFirstCash()) {
            facts.add(List.of(Run.strong("Le délai jusqu'au premier paiement."), Run.of(" " + project.projectName()
                    + " : " + (project.days() == null ? "aucun paiement n'est encore attendu"
                    : project.days() + " jours entre le début du projet et son premier paiement") + ".")));
        }
        facts.add(List.of(Run.strong("Le rythme des paiements."), Run.of(" Vos factures sont payables à "
                + f.paymentTermsDays() + " jours et " + (f.delaysAreTheClients()
                ? (f.expectedDelayDays() <= 0 ? "ont été réglées à l'échéance"
                        : "ont été réglées " + f.expectedDelayDays() + " jours après leur échéance")
                        + " (la médiane des " + f.basedOnInvoices() + " dernières factures)."
                : f.expectedDelayDays() <= 0 ? "nous prévoyons qu'elles soient réglées à l'échéance."
                : "nous prévoyons qu'elles soient réglées environ " + f.expectedDelayDays()
                        + " jours après leur échéance."))));
        blocks.add(new Bullets(facts));
        blocks.add(new Heading(2, p.options().size() == 1 ? "L'option que nous proposons"
                : "Les options que nous proposons"));
        blocks.addAll(options(p, fr));
        blocks.add(figures(p, fr));
        blocks.add(new Paragraph(List.of(Run.of("Chacune de ces options garde le projet sur des bases saines pour"
                + " votre équipe comme pour la nôtre. Nous serions heureux d'en parler avec vous, comme de toute"
                + " autre solution qui convienne à chacun."))));
        blocks.add(new Paragraph(List.of(Run.of("Bien cordialement,"))));
        blocks.add(new Paragraph(List.of(Run.of(agencyName))));
        return blocks;
    }

    /**
     * Each option as a heading that describes it and a paragraph that says what it does to the work carried ahead of
     * payment at its highest, and how much sooner each invoice is due when it shortens the terms.
     */
    private static List<Block> options(RenegotiationProposal p, Language language) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) {
            OptionEffect effect = p.options().get(i);
            blocks.add(new Heading(3, "Option " + (i + 1) + " — " + describe(effect.option(), language)));
            blocks.add(new Paragraph(List.of(Run.of(withThisOption(effect, language)
                    + sooner(effect, p.facts(), language)))));
        }
        return blocks;
    }

    /** The work carried ahead of payment at its highest with the option: unchanged, or against today's. */
    private static String withThisOption(OptionEffect effect, Language language) {
        String highest = LetterFormats.money(effect.optionPeakExposure(), language);
        String today = LetterFormats.money(effect.basePeakExposure(), language);
        boolean unchanged = effect.peakExposureChange().minorUnits() == 0;
        return language == Language.FR
                ? "Avec cette option, le travail que nous portons avant paiement " + (unchanged
                        ? "resterait au plus haut à " + highest + "."
                        : "atteindrait au plus " + highest + " au lieu de " + today + ".")
                : "With this option, the work we carry ahead of payment " + (unchanged
                        ? "would stay at its highest at " + highest + "."
                        : "would reach at most " + highest + " instead of " + today + ".");
    }

    /** The options in figures: the work carried ahead of payment at its highest, today and with each option. */
    private static Table figures(RenegotiationProposal p, Language language) {
        boolean fr = language == Language.FR;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) {
            OptionEffect effect = p.options().get(i);
            rows.add(List.of("Option " + (i + 1), LetterFormats.money(effect.basePeakExposure(), language),
                    LetterFormats.money(effect.optionPeakExposure(), language),
                    LetterFormats.money(effect.peakExposureChange(), language)));
        }
        return new Table(fr ? List.of("Option", "Travail porté au plus haut, aujourd'hui", "Avec l'option", "Écart")
                : List.of("Option", "Work carried at its highest, today", "With the option", "Change"), rows);
    }

    /** "a deposit of 30 % + monthly billing in arrears + payment at 30 days". */
    public static String describe(ProposalOption option, Language language) {
        List<String> parts = new ArrayList<>();
        boolean fr = language == Language.FR;
        if (option.hasDeposit()) {
            parts.add(fr ? "un acompte de " + option.depositPercent() + LetterFormats.NBSP + "%"
                    : "a deposit of " + option.depositPercent() + " %");
        }
        if (option.monthlyInArrears()) {
            parts.add(fr ? "une facturation mensuelle à terme échu" : "monthly billing in arrears");
        }
        if (option.paymentTermsDays() != null) {
            parts.add(fr ? "un paiement à " + option.paymentTermsDays() + " jours"
                    : "payment at " + option.paymentTermsDays() + " days");
        }
        return String.join(" + ", parts);
    }

    /** Shorter terms: how much sooner each invoice is due. */
    private static String sooner(OptionEffect effect, ProposalFacts f, Language language) {
        Integer terms = effect.option().paymentTermsDays();
        if (terms == null || terms >= f.paymentTermsDays()) {
            return "";
        }
        int days = f.paymentTermsDays() - terms;
        return language == Language.FR ? " Chaque facture serait due " + days + " jours plus tôt."
                : " Each invoice would be due " + days + " days sooner.";
    }

    private static String shares(ProposalFacts f, Language language) {
        List<String> parts = new ArrayList<>();
        for (ProposalFacts.MonthShare share : f.capacity()) {
            if (share.share().signum() == 0) {
                continue;
            }
            parts.add(share.percent() + (language == Language.FR ? LetterFormats.NBSP + "% en " : " % in ")
                    + LetterFormats.month(share.month(), language));
        }
        return String.join(", ", parts);
    }

    private static String heavy(ProposalFacts f, Language language) {
        if (f.heavyMonths().isEmpty()) {
            return "";
        }
        int n = f.heavyMonths().size();
        List<String> months = f.heavyMonths().stream().map(m -> LetterFormats.month(m, language)).toList();
        return language == Language.FR
                ? " " + (n == 1 ? "En " + months.get(0) + ", c'est" : "Sur " + n + " de ces mois, c'est")
                        + " plus de " + f.capacityWarningPercent() + LetterFormats.NBSP + "% de toute l'agence."
                : " " + (n == 1 ? "In " + months.get(0) + " that is" : "In " + n + " of these months that is")
                        + " more than " + f.capacityWarningPercent() + " % of the whole agency.";
    }

    // ---- the renderers -------------------------------------------------------------------------

    static String markdown(String title, String date, List<Block> blocks) {
        StringBuilder out = new StringBuilder("# ").append(escapeMarkdown(title)).append("\n\n")
                .append(escapeMarkdown(date)).append("\n");
        for (Block block : blocks) {
            out.append('\n');
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(escapeMarkdown(h.text())).append('\n');
            } else if (block instanceof Paragraph p) {
                out.append(markdownRuns(p.runs())).append('\n');
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> out.append("- ").append(markdownRuns(item)).append('\n'));
            } else if (block instanceof Table t) {
                out.append(markdownRow(t.header())).append("\n| --- |")
                        .append(" ---: |".repeat(t.header().size() - 1)).append('\n');
                t.rows().forEach(row -> out.append(markdownRow(row)).append('\n'));
            }
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder out = new StringBuilder("|");
        cells.forEach(cell -> out.append(' ').append(escapeMarkdown(cell)).append(" |"));
        return out.toString();
    }

    private static String markdownRuns(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        for (Run run : runs) {
            out.append(run.bold() ? "**" + escapeMarkdown(run.text()) + "**" : escapeMarkdown(run.text()));
        }
        return out.toString();
    }

    static String html(String title, String date, List<Block> blocks, Language language) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(language.name().toLowerCase(java.util.Locale.ROOT)).append("\">\n<head>\n<meta charset=\"utf-8\" />\n<title>")
                .append(escapeHtml(title)).append("</title>\n<style>\n")
                .append("body { font-family: Georgia, 'Times New Roman', serif; max-width: 42rem; margin: 2rem auto;"
                        + " line-height: 1.5; color: #222; }\n")
                .append(".date { color: #555; }\n")
                .append("table { border-collapse: collapse; margin: 1rem 0; }\n")
                .append("th, td { border-bottom: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }\n")
                .append("td { text-align: right; white-space: nowrap; }\n")
                .append("@media print { body { margin: 0; max-width: none; } @page { margin: 2cm; } }\n")
                .append("</style>\n</head>\n<body>\n<article>\n<h1>").append(escapeHtml(title)).append("</h1>\n")
                .append("<p class=\"date\">").append(escapeHtml(date)).append("</p>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(escapeHtml(h.text()))
                        .append("</h").append(h.level()).append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(htmlRuns(p.runs())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                out.append("<ul>\n");
                b.items().forEach(item -> out.append("<li>").append(htmlRuns(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Table t) {
                out.append("<table>\n<thead><tr>");
                t.header().forEach(cell -> out.append("<th scope=\"col\">").append(escapeHtml(cell)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        out.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(escapeHtml(row.get(i)))
                                .append(i == 0 ? "</th>" : "</td>");
                    }
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            }
        }
        return out.append("</article>\n</body>\n</html>\n").toString();
    }

    private static String htmlRuns(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        for (Run run : runs) {
            out.append(run.bold() ? "<strong>" + escapeHtml(run.text()) + "</strong>" : escapeHtml(run.text()));
        }
        return out.toString();
    }

    /** Text as HTML character data or attribute value: the five characters that mean something are escaped. */
    public static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text that Markdown shows as it is: its punctuation that could start markup is backslash-escaped. */
    public static String escapeMarkdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }
}
