package io.cordee.core.imports;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a spreadsheet holds (ADR 49), and the fields of each kind with the header names, in English and
 * French, that are matched to them automatically. A header is compared after {@link #normalise}: lower
 * case, accents and every character but letters and digits removed, so {@code "Date d'émission"},
 * {@code "date_demission"} and {@code "DATE D EMISSION"} are the same header.
 */
public enum ImportKind {
    CLIENTS(List.of(
            new Field("name", true, "name", "client", "client name", "company", "nom", "client", "raison sociale",
                    "nom du client", "societe"),
            new Field("segment", false, "segment", "type", "category", "categorie"),
            new Field("paymentTermsDays", false, "payment terms", "payment terms days", "terms", "terms days",
                    "delai de paiement", "delai", "conditions de paiement", "jours"))),
    INVOICES(List.of(
            new Field("number", true, "number", "invoice number", "invoice", "invoice no", "numero", "numero de facture",
                    "facture", "n facture", "no facture"),
            new Field("client", true, "client", "customer", "client name", "nom du client"),
            new Field("project", false, "project", "projet"),
            new Field("label", false, "label", "description", "libelle", "objet"),
            new Field("issueDate", true, "issue date", "date", "invoice date", "issued", "date d emission",
                    "date de facture", "date facture", "emission"),
            new Field("dueDate", false, "due date", "due", "date d echeance", "echeance"),
            new Field("amount", true, "amount", "total", "amount incl tax", "montant", "montant ttc", "total ttc"))),
    PAYMENTS(List.of(
            new Field("invoiceNumber", true, "invoice number", "invoice", "number", "numero de facture", "facture",
                    "numero"),
            new Field("receivedOn", true, "date", "received on", "payment date", "paid on", "date de paiement",
                    "date de reglement", "reglement", "paye le"),
            new Field("amount", true, "amount", "paid", "montant", "montant regle", "montant paye"))),
    /**
     * The French Fichier des Écritures Comptables (article A47 A-1 of the LPF, ADR 51): its 18 columns under
     * their legal names. Only those the import reads for every row are required.
     */
    FEC(List.of(
            new Field("JournalCode", true), new Field("JournalLib", false), new Field("EcritureNum", false),
            new Field("EcritureDate", true), new Field("CompteNum", true), new Field("CompteLib", false),
            new Field("CompAuxNum", false), new Field("CompAuxLib", false), new Field("PieceRef", true),
            new Field("PieceDate", false), new Field("EcritureLib", false), new Field("Debit", true),
            new Field("Credit", true), new Field("EcritureLet", false), new Field("DateLet", false),
            new Field("ValidDate", false), new Field("Montantdevise", false), new Field("Idevise", false))),
    /** Projects of clients (ADR 56): known by client and name. */
    PROJECTS(List.of(
            new Field("client", true, "client", "customer", "client name", "nom du client"),
            new Field("name", true, "project", "name", "project name", "projet", "nom du projet", "nom"),
            new Field("status", false, "status", "statut", "etat"),
            new Field("startDate", true, "start date", "start", "date de debut", "debut"),
            new Field("launchDate", false, "launch date", "launch", "date de lancement", "lancement",
                    "mise en ligne"),
            new Field("feeBudget", false, "fee budget", "budget", "fee", "fees", "honoraires", "budget honoraires"),
            new Field("paymentTermsDays", false, "payment terms", "payment terms days", "terms", "delai de paiement",
                    "conditions de paiement"))),
    /** Team members (ADR 56): known by name. */
    TEAM(List.of(
            new Field("name", true, "name", "full name", "person", "member", "nom", "nom complet", "collaborateur",
                    "collaboratrice", "prenom nom"),
            new Field("jobTitle", false, "job title", "title", "role", "job", "poste", "fonction", "intitule"),
            new Field("fte", false, "fte", "etp", "time share", "quotite", "temps de travail"),
            new Field("monthlyLoadedCost", true, "monthly loaded cost", "monthly cost", "loaded cost", "cost",
                    "cout mensuel charge", "cout mensuel", "cout charge", "cout"),
            new Field("dailyBillRate", false, "daily bill rate", "day rate", "daily rate", "rate", "tjm",
                    "taux journalier"),
            new Field("startDate", false, "start date", "start", "arrival", "date d arrivee", "date d entree",
                    "arrivee"),
            new Field("endDate", false, "end date", "end", "departure", "date de depart", "date de sortie",
                    "depart")));

    /** The mapping value that leaves a column out on purpose. */
    public static final String IGNORE = "ignore";

    private final List<Field> fields;

    ImportKind(List<Field> fields) {
        this.fields = fields;
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The field a header names, by its key or one of its aliases. */
    public Optional<Field> match(String header) {
        String h = normalise(header);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return fields.stream().filter(f -> normalise(f.key()).equals(h)
                || f.aliases().stream().anyMatch(a -> normalise(a).equals(h))).findFirst();
    }

    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        return Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** One field of a kind: its key (the mapping's value), whether a row must have it, its header names. */
    public record Field(String key, boolean required, List<String> aliases) {
        Field(String key, boolean required, String... aliases) {
            this(key, required, List.of(aliases));
        }
    }
}
