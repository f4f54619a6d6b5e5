package io.cordee.api.demo;

import io.cordee.core.agency.Agency;
import io.cordee.core.agency.AgencyId;
import io.cordee.core.agency.AgencyRepository;
import io.cordee.core.agency.AgencySettings;
import io.cordee.core.agency.Segment;
import io.cordee.core.billing.BillingPlan;
import io.cordee.core.billing.BillingService;
import io.cordee.core.billing.Invoice;
import io.cordee.core.billing.InvoiceFilter;
import io.cordee.core.billing.Milestone;
import io.cordee.core.brief.Brief;
import io.cordee.core.brief.BriefService;
import io.cordee.core.brief.BriefVersion;
import io.cordee.core.brief.BriefVersionDraft;
import io.cordee.core.brief.BriefVersionDraft.RequirementDraft;
import io.cordee.core.brief.Priority;
import io.cordee.core.cash.CashService;
import io.cordee.core.client.Client;
import io.cordee.core.client.ClientDraft;
import io.cordee.core.client.ClientId;
import io.cordee.core.client.ClientService;
import io.cordee.core.client.Contact;
import io.cordee.core.client.FundingProfile;
import io.cordee.core.client.FundingStage;
import io.cordee.core.client.RoundStatus;
import io.cordee.core.common.IdGenerator;
import io.cordee.core.common.PageRequest;
import io.cordee.core.common.TransactionRunner;
import io.cordee.core.identity.Caller;
import io.cordee.core.identity.PasswordHasher;
import io.cordee.core.identity.Role;
import io.cordee.core.identity.User;
import io.cordee.core.identity.UserId;
import io.cordee.core.identity.UserRepository;
import io.cordee.core.money.Money;
import io.cordee.core.project.Project;
import io.cordee.core.project.ProjectDraft;
import io.cordee.core.project.ProjectService;
import io.cordee.core.project.ProjectStatus;
import io.cordee.core.relationship.AgreementDraft;
import io.cordee.core.relationship.AgreementStatus;
import io.cordee.core.relationship.CommitmentDraft;
import io.cordee.core.relationship.CommitmentKind;
import io.cordee.core.relationship.InteractionDraft;
import io.cordee.core.relationship.InteractionKind;
import io.cordee.core.relationship.Lead;
import io.cordee.core.relationship.RelationshipService;
import io.cordee.core.relationship.Side;
import io.cordee.core.relationship.Strength;
import io.cordee.core.staffing.AllocationDraft;
import io.cordee.core.staffing.PublicHolidays;
import io.cordee.core.staffing.StaffingService;
import io.cordee.core.staffing.TeamMember;
import io.cordee.core.staffing.TeamMemberDraft;
import io.cordee.core.staffing.TeamService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo agency, "Studio Boréal": the story Cordée was built for. 28 people; Groupe Hexagone, an
 * enterprise client paying at 60 days and late, that will occupy half the team for months; Nuvola, a
 * start-up whose next round is in doubt and whose runway ends before its launch; Maison Lumen, a small
 * client that is a model partner; and two more. Dates are relative to the day it is loaded, so the
 * story stays current.
 */
public final class DemoAgency {

    /** Fixed, so "is the demo loaded?" is one lookup. */
    public static final AgencyId ID = new AgencyId(UUID.fromString("01936b2a-0000-7000-8000-00000000d3e0"));
    public static final String PASSWORD = "cordee-demo";
    public static final String OWNER_EMAIL = "owner@studio-boreal.example";
    public static final String FINANCE_EMAIL = "finance@studio-boreal.example";
    public static final String LEAD_EMAIL = "lead@studio-boreal.example";
    public static final String CLIENT_EMAIL = "sophie@maison-lumen.example";
    /** Nuvola's CEO, who signs its brief. */
    public static final String NUVOLA_CLIENT_EMAIL = "theo@nuvola.example";

    private static final Currency EUR = Currency.getInstance("EUR");
    /** Chosen so that the base forecast dips close to the 150,000 € safety threshold, as the story says. */
    static final long OPENING_BALANCE_EUROS = 800_000;

    private final AgencyRepository agencies;
    private final UserRepository users;
    private final ClientService clients;
    private final ProjectService projects;
    private final TeamService team;
    private final StaffingService staffing;
    private final BillingService billing;
    private final CashService cash;
    private final RelationshipService relationships;
    private final BriefService briefs;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final TransactionRunner tx;
    private final Clock clock;

    public DemoAgency(AgencyRepository agencies, UserRepository users, ClientService clients, ProjectService projects,
                      TeamService team, StaffingService staffing, BillingService billing, CashService cash,
                      RelationshipService relationships, BriefService briefs, PasswordHasher hasher, IdGenerator ids,
                      TransactionRunner tx, Clock clock) {
        this.relationships = relationships;
        this.staffing = staffing;
        this.briefs = briefs;
        this.billing = billing;
        this.cash = cash;
        this.agencies = agencies;
        this.users = users;
        this.clients = clients;
        this.projects = projects;
        this.team = team;
        this.hasher = hasher;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    /** Loads the demo agency unless it is there already; true if it was loaded now. */
    public Mono<Boolean> loadIfAbsent() {
        return agencies.findById(ID).map(existing -> false)
                .switchIfEmpty(Mono.defer(() -> tx.inTransaction(load()).thenReturn(true)));
    }

    private Mono<Void> load() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.now(clock.withZone(paris));
        LocalDate thisMonth = today.withDayOfMonth(1);
        AgencySettings settings = new AgencySettings(EUR, paris, eur(150_000), 27, Map.of(
                Segment.STARTUP, 20, Segment.SME, 5, Segment.ENTERPRISE, 45, Segment.PUBLIC, 40));
        String hash = hasher.hash(PASSWORD);
        UserId ownerId = new UserId(ids.newId());
        Caller owner = new Caller(ownerId, ID, Role.OWNER, null);

        return agencies.insert(new Agency(ID, "Studio Boréal", settings, 0))
                .then(users.insert(new User(ownerId, ID, OWNER_EMAIL, "Camille Martin", Role.OWNER, null, hash)))
                .then(users.insert(new User(new UserId(ids.newId()), ID, FINANCE_EMAIL, "Hugo Bernard",
                        Role.FINANCE, null, hash)))
                .then(users.insert(new User(new UserId(ids.newId()), ID, LEAD_EMAIL, "Léa Dubois", Role.LEAD, null,
                        hash)))
                .then(agencies.addHolidays(ID, PublicHolidays.france(today.getYear() - 1, today.getYear() + 2),
                        "Jour férié"))
                .thenMany(Flux.fromIterable(TEAM).concatMap(m -> team.create(owner, m)))
                .collectList()
                .flatMap(people -> load(owner, today, thisMonth, people, hash));
    }

    /**
     * Clients, projects, who works on them, how they are billed and how they have paid; then the bank
     * balance and the recurring costs.
     */
    private Mono<Void> load(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people,
                            String hash) {
        return hexagone(owner, today, thisMonth, people)
                .then(nuvola(owner, today, thisMonth, people, hash))
                .then(lumen(owner, today, thisMonth, people, hash))
                .then(regionSud(owner, today, thisMonth, people))
                .then(terroirs(owner, today, thisMonth))
                .then(horizon(owner, today, thisMonth, people))
                .then(cashFlows(owner, today, thisMonth));
    }

    /**
     * The enterprise client: net 60, pays about 45 days late (its last four delays: 38, 47, 44, 51 →
     * median 46), and now takes 15 of the 28 at 80 % for four months from its start. Its first
     * milestone is invoiced two weeks in, so its first cash lands about 14 + 60 + 46 = 120 days after
     * the start.
     */
    private Mono<Void> hexagone(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people) {
        LocalDate oldStart = thisMonth.minusMonths(14);
        LocalDate start = thisMonth.minusMonths(1);
        LocalDate launch = thisMonth.plusMonths(5).plusDays(14);
        return clients.create(owner, new ClientDraft("Groupe Hexagone", Segment.ENTERPRISE, 60, List.of(
                        new Contact("Bertrand Moreau", "b.moreau@hexagone.example", "Directeur digital"),
                        new Contact("Nadia Lefèvre", "n.lefevre@hexagone.example", "Achats")), null))
                .flatMap(c -> project(owner, c, "Intranet Hexagone", ProjectStatus.DELIVERED, oldStart,
                        oldStart.plusMonths(6), oldStart.plusMonths(6), 240_000)
                        .flatMap(p -> bill(owner, today, p, new BillingPlan(0, List.of(
                                new Milestone("Cadrage", oldStart.plusMonths(1), 25),
                                new Milestone("Maquettes", oldStart.plusMonths(2), 25),
                                new Milestone("Recette", oldStart.plusMonths(4), 25),
                                new Milestone("Mise en ligne", oldStart.plusMonths(6), 25)), false),
                                List.of(38, 47, 44, 51)))
                        .then(project(owner, c, "Espace client Hexagone", ProjectStatus.ACTIVE, start, launch,
                                thisMonth.plusMonths(6), 480_000))
                        .flatMap(p -> bill(owner, today, p, new BillingPlan(0, List.of(
                                        new Milestone("Cadrage", start.plusDays(14), 15),
                                        new Milestone("Conception", start.plusMonths(2), 25),
                                        new Milestone("Développement", start.plusMonths(4), 30),
                                        new Milestone("Lancement", launch, 30)), false), List.of())
                                .then(allocate(owner, p, people, List.of(3, 5, 6, 7, 8, 11, 12, 13, 16, 17, 21, 22,
                                        23, 24, 25), 80, start, thisMonth.plusMonths(3).minusDays(1)))
                                .then(hexagoneRelationship(owner, today, c, p))));
    }

    /**
     * The start-up: its round is in doubt and its cash runs out before the launch milestone. Its CEO
     * signs the brief with the agency: version 1 asked far more than the four people allocated can build
     * by the launch, version 2 cut the scope and is agreed.
     */
    private Mono<Void> nuvola(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people,
                              String hash) {
        LocalDate start = thisMonth.minusMonths(1);
        LocalDate launch = thisMonth.plusMonths(5);
        UserId theoId = new UserId(ids.newId());
        return clients.create(owner, new ClientDraft("Nuvola", Segment.STARTUP, 30, List.of(
                        new Contact("Théo Garnier", NUVOLA_CLIENT_EMAIL, "CEO & co-founder")),
                        new FundingProfile(FundingStage.SEED, thisMonth.plusMonths(4).minusDays(1),
                                thisMonth.plusMonths(3), RoundStatus.IN_DOUBT)))
                .flatMap(c -> users.insert(new User(theoId, ID, NUVOLA_CLIENT_EMAIL, "Théo Garnier", Role.CLIENT,
                                c.id(), hash))
                        .then(project(owner, c, "Application mobile Nuvola", ProjectStatus.ACTIVE, start, launch,
                                launch.plusDays(10), 160_000))
                        .flatMap(p -> bill(owner, today, p, new BillingPlan(20, List.of(
                                        new Milestone("MVP", start.plusMonths(3), 30),
                                        new Milestone("Lancement", launch, 50)), false), List.of(3))
                                .then(allocate(owner, p, people, List.of(10, 14, 19, 20), 60, start, launch))
                                .then(nuvolaBrief(owner, new Caller(theoId, ID, Role.CLIENT, c.id()), p, launch))));
    }

    /**
     * Four people at 60 % from today to the launch, four to five months away: 2.4 person-days a working
     * day, about 180 to 250 person-days. Version 1, signed at the kick-off, asks 305 (Must 155 + Should
     * 150): UNREALISTIC whatever the day the demo is loaded. Version 2 keeps 140 (Must 110 + Should 30):
     * REALISTIC; both sign it.
     */
    private Mono<Void> nuvolaBrief(Caller owner, Caller theo, Project project, LocalDate launch) {
        LocalDate commPlan = launch.plusDays(10);
        BriefVersionDraft first = new BriefVersionDraft(
                List.of("Lancer l'application avant la campagne de levée de fonds",
                        "Faire facturer un freelance en moins d'une minute"),
                List.of("Léa, graphiste freelance, facture depuis son téléphone entre deux rendez-vous",
                        "Karim, expert-comptable de cinquante freelances"),
                List.of(new RequirementDraft(null, "Inscription et connexion",
                                "En tant que freelance, je crée mon compte avec mon SIRET", Priority.MUST, "25"),
                        new RequirementDraft(null, "Création et envoi de factures",
                                "En tant que freelance, j'envoie une facture conforme depuis mon téléphone",
                                Priority.MUST, "60"),
                        new RequirementDraft(null, "Synchronisation bancaire",
                                "En tant que freelance, je vois mes factures payées sans saisie", Priority.MUST, "70"),
                        new RequirementDraft(null, "Tableau de bord de trésorerie", null, Priority.SHOULD, "45"),
                        new RequirementDraft(null, "Relances automatiques", null, Priority.SHOULD, "35"),
                        new RequirementDraft(null, "Export comptable", null, Priority.SHOULD, "30"),
                        new RequirementDraft(null, "Mode hors ligne", null, Priority.SHOULD, "40"),
                        new RequirementDraft(null, "Multi-devises", null, Priority.COULD, "20")),
                List.of("iOS et Android", "Hébergement en France"),
                List.of("Nuvola fournit les textes et les contrats bancaires"),
                List.of("Version web"), launch, commPlan);
        return briefs.create(owner, project.id(), "Application mobile Nuvola — cahier des charges", first)
                .flatMap((Brief brief) -> briefs.versions(owner, List.of(brief.id()))
                        .map(byBrief -> byBrief.get(brief.id()).get(0)))
                .flatMap(v1 -> agree(owner, theo, v1)
                        .flatMap(agreed -> briefs.requirements(owner, List.of(agreed.id()))
                                .map(reqs -> reqs.get(agreed.id()))
                                .flatMap(reqs -> briefs.update(owner, agreed.id(), agreed.version(),
                                        new BriefVersionDraft(null, null, List.of(
                                                keep(reqs.get(0), Priority.MUST, "20"),
                                                keep(reqs.get(1), Priority.MUST, "50"),
                                                new RequirementDraft(reqs.get(2).key(),
                                                        "Synchronisation bancaire (une banque au lancement)",
                                                        reqs.get(2).userStory(), Priority.MUST, "40"),
                                                keep(reqs.get(3), Priority.SHOULD, "30"),
                                                keep(reqs.get(4), Priority.COULD, "35"),
                                                keep(reqs.get(5), Priority.COULD, "30"),
                                                keep(reqs.get(7), Priority.WONT, "20")),
                                                null, null, List.of("Version web", "Mode hors ligne"), null,
                                                null)))))
                .flatMap(v2 -> agree(owner, theo, v2))
                .then();
    }

    private Mono<BriefVersion> agree(Caller agency, Caller client, BriefVersion version) {
        return briefs.sign(agency, version.id(), version.version())
                .flatMap(signed -> briefs.sign(client, signed.id(), signed.version()));
    }

    private static RequirementDraft keep(io.cordee.core.brief.Requirement r, Priority priority, String days) {
        return new RequirementDraft(r.key(), r.title(), r.userStory(), priority, days);
    }

    /** The model partner: monthly billing, paid on time or early. */
    private Mono<Void> lumen(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people,
                             String hash) {
        LocalDate start = thisMonth.minusMonths(2);
        return clients.create(owner, new ClientDraft("Maison Lumen", Segment.SME, 30, List.of(
                        new Contact("Sophie Laurent", CLIENT_EMAIL, "Responsable e-commerce")), null))
                .flatMap(c -> users.insert(new User(new UserId(ids.newId()), ID, CLIENT_EMAIL, "Sophie Laurent",
                                Role.CLIENT, c.id(), hash))
                        .then(project(owner, c, "Boutique en ligne Lumen", ProjectStatus.ACTIVE, start,
                                thisMonth.plusMonths(2), thisMonth.plusMonths(2).plusDays(7), 85_000)))
                .flatMap(p -> bill(owner, today, p, new BillingPlan(10, List.of(), true), List.of(-2, 0, 1, -1))
                        .then(allocate(owner, p, people, List.of(2, 9, 15), 50, start, thisMonth.plusMonths(2)))
                        .then(lumenRelationship(owner, today, p)));
    }

    /**
     * The model partner: every commitment delivered on time, a call or a workshop every ten days or so
     * with high energy on both sides, a clear split of who leads what.
     */
    private Mono<Void> lumenRelationship(Caller owner, LocalDate today, Project p) {
        ClientId c = p.clientId();
        return Flux.concat(
                        commitment(owner, p, CommitmentKind.CONTENT, "Fiches produits (lot 1)", today, -40, -42),
                        commitment(owner, p, CommitmentKind.ASSETS, "Photos de la collection", today, -30, -30),
                        commitment(owner, p, CommitmentKind.FEEDBACK, "Retours sur les maquettes", today, -20, -21),
                        commitment(owner, p, CommitmentKind.APPROVAL, "Validation du parcours d'achat", today, -8, -8),
                        commitment(owner, p, CommitmentKind.CONTENT, "Fiches produits (lot 2)", today, 10, null),
                        interaction(owner, c, today.minusDays(52), InteractionKind.MEETING, 4, 4, false,
                                "Lancement : objectifs de la boutique, calendrier des collections"),
                        interaction(owner, c, today.minusDays(38), InteractionKind.WORKSHOP, 5, 5, false,
                                "Atelier parcours d'achat avec l'équipe de Sophie"),
                        interaction(owner, c, today.minusDays(24), InteractionKind.MEETING, 4, 5, false,
                                "Revue des maquettes : validées en séance"),
                        interaction(owner, c, today.minusDays(12), InteractionKind.WORKSHOP, 5, 4, false,
                                "Atelier fiches produits : gabarit commun"),
                        interaction(owner, c, today.minusDays(10), InteractionKind.CALL, 5, null, true,
                                "Sophie évoque une V2 avec la marketplace : à préparer"),
                        interaction(owner, c, today.minusDays(3), InteractionKind.CALL, 5, 5, false,
                                "Point hebdomadaire : recette du tunnel de commande"),
                        relationships.setStrengths(owner, c, null, List.of(
                                new Strength("STRATEGY", 4, 3, Lead.SHARED), new Strength("CONTENT", 3, 5, Lead.CLIENT),
                                new Strength("DESIGN", 5, 3, Lead.AGENCY), new Strength("TECH", 5, 2, Lead.AGENCY),
                                new Strength("MARKETING", 3, 5, Lead.CLIENT), new Strength("DATA", 3, 3, Lead.SHARED),
                                new Strength("DECISIONS", 3, 5, Lead.CLIENT)), List.of(
                                "Les fiches produits deux semaines avant chaque sprint",
                                "Un retour consolidé sous trois jours ouvrés",
                                "Une seule personne qui décide")),
                        agreement(owner, c, p, "Point hebdomadaire le mardi", Side.AGENCY, "Léa Dubois", null,
                                AgreementStatus.AGREED, null),
                        agreement(owner, c, p, "Recette du tunnel de commande", Side.AGENCY, "Léa Dubois",
                                today.minusDays(5), AgreementStatus.DONE, today.minusDays(6)),
                        agreement(owner, c, p, "Livrer le lot 2 des fiches produits", Side.CLIENT, "Sophie Laurent",
                                today.plusDays(10), AgreementStatus.AGREED, null))
                .then();
    }

    /**
     * The enterprise client slips: late content, feedback two weeks late, an approval and the CRM
     * access still missing, no single decision-maker, and the energy of the meetings goes down.
     */
    private Mono<Void> hexagoneRelationship(Caller owner, LocalDate today, Client client, Project p) {
        ClientId c = client.id();
        return Flux.concat(
                        commitment(owner, p, CommitmentKind.DECISION, "Choix de l'hébergement", today, -30, -31),
                        commitment(owner, p, CommitmentKind.CONTENT, "Arborescence validée", today, -35, -20),
                        commitment(owner, p, CommitmentKind.FEEDBACK, "Retours sur les wireframes", today, -25, -11),
                        commitment(owner, p, CommitmentKind.APPROVAL, "Validation de la charte", today, -14, null),
                        commitment(owner, p, CommitmentKind.ASSETS, "Accès API du CRM", today, -7, null),
                        commitment(owner, p, CommitmentKind.CONTENT, "Textes des pages", today, 14, null),
                        interaction(owner, c, today.minusDays(70), InteractionKind.WORKSHOP, 4, 3, false,
                                "Atelier de cadrage de l'espace client"),
                        interaction(owner, c, today.minusDays(33), InteractionKind.CALL, 3, 2, false,
                                "Appel : l'arborescence attend la direction juridique"),
                        interaction(owner, c, today.minusDays(6), InteractionKind.MEETING, 3, 2, false,
                                "Comité de pilotage : le planning glisse de trois semaines"),
                        interaction(owner, c, today.minusDays(5), InteractionKind.CALL, 2, null, true,
                                "Bertrand ne tranche pas : à escalader à la direction digitale"),
                        relationships.setStrengths(owner, c, null, List.of(
                                new Strength("STRATEGY", 4, 2, Lead.AGENCY), new Strength("CONTENT", 3, 2, Lead.AGENCY),
                                new Strength("DESIGN", 5, 2, Lead.AGENCY), new Strength("TECH", 5, 3, Lead.AGENCY),
                                new Strength("MARKETING", 3, 4, Lead.CLIENT), new Strength("DATA", 4, 2, Lead.AGENCY),
                                new Strength("DECISIONS", 2, 1, Lead.SHARED),
                                new Strength("Achats et juridique", 1, 4, Lead.CLIENT)), List.of(
                                "Un décideur unique côté Hexagone",
                                "Les accès techniques dix jours avant chaque sprint",
                                "Des retours sous cinq jours ouvrés")),
                        agreement(owner, c, p, "Comité de pilotage toutes les deux semaines", Side.AGENCY,
                                "Antoine Petit", null, AgreementStatus.AGREED, null),
                        agreement(owner, c, p, "Livrer les maquettes du parcours", Side.AGENCY, "Chloé Durand",
                                today.minusDays(15), AgreementStatus.DONE, today.minusDays(16)),
                        agreement(owner, c, p, "Désigner un décideur unique", Side.CLIENT, "Bertrand Moreau",
                                today.minusDays(21), AgreementStatus.AGREED, null),
                        agreement(owner, c, p, "Fournir les accès au CRM", Side.CLIENT, "Nadia Lefèvre",
                                today.minusDays(10), AgreementStatus.PROPOSED, null))
                .then();
    }

    /** A commitment due {@code dueIn} days from today, delivered {@code deliveredIn} days from today (null: not yet). */
    private Mono<?> commitment(Caller owner, Project p, CommitmentKind kind, String title, LocalDate today, int dueIn,
                               Integer deliveredIn) {
        return relationships.addCommitment(owner, p.clientId(), new CommitmentDraft(p.id(), kind, title,
                today.plusDays(dueIn), deliveredIn == null ? null : today.plusDays(deliveredIn)));
    }

    private Mono<?> interaction(Caller owner, ClientId c, LocalDate date, InteractionKind kind, Integer agencyEnergy,
                                Integer clientEnergy, boolean internal, String summary) {
        return relationships.addInteraction(owner, c, new InteractionDraft(date, kind, List.of("Léa Dubois"),
                clientEnergy == null ? List.of() : List.of("Client"), summary, agencyEnergy, clientEnergy, internal));
    }

    private Mono<?> agreement(Caller owner, ClientId c, Project p, String what, Side side, String who, LocalDate due,
                              AgreementStatus status, LocalDate done) {
        return relationships.addAgreement(owner, c, new AgreementDraft(p.id(), what, side, who, due, status, done));
    }

    private Mono<Void> regionSud(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people) {
        LocalDate start = thisMonth.plusMonths(2);
        LocalDate launch = thisMonth.plusMonths(8);
        return clients.create(owner, new ClientDraft("Région Sud Numérique", Segment.PUBLIC, 30, List.of(
                        new Contact("Marc Olivier", "m.olivier@region-sud.example", "Chef de projet")), null))
                .flatMap(c -> project(owner, c, "Portail des aides", ProjectStatus.PLANNED, start, launch, null,
                        210_000))
                .flatMap(p -> bill(owner, today, p, new BillingPlan(0, List.of(
                                new Milestone("Conception", start.plusMonths(2), 40),
                                new Milestone("Mise en ligne", launch, 60)), false), List.of())
                        .then(allocate(owner, p, people, List.of(4, 18, 26), 50, start, launch))
                        .then(regionSudBrief(owner, p, launch)));
    }

    /**
     * The public client's first draft asks for what three people at 50 % cannot build by its launch: from
     * two months ahead to eight, about 1.5 person-days a working day, some 190 person-days, against a Must
     * + Should scope of 320. Its current version is UNREALISTIC, so the early warning fires.
     */
    private Mono<Void> regionSudBrief(Caller owner, Project project, LocalDate launch) {
        BriefVersionDraft draft = new BriefVersionDraft(
                List.of("Un guichet unique pour les aides régionales aux entreprises"),
                List.of("Nadia, gérante d'une TPE, cherche une aide à l'export un soir après la fermeture"),
                List.of(new RequirementDraft(null, "Catalogue des aides et recherche", null, Priority.MUST, "70"),
                        new RequirementDraft(null, "Dépôt de dossier en ligne", null, Priority.MUST, "90"),
                        new RequirementDraft(null, "Connexion FranceConnect", null, Priority.MUST, "40"),
                        new RequirementDraft(null, "Suivi des dossiers par les agents", null, Priority.SHOULD, "80"),
                        new RequirementDraft(null, "Tableau de bord statistique", null, Priority.SHOULD, "40"),
                        new RequirementDraft(null, "Chatbot", null, Priority.COULD, "30")),
                List.of("RGAA niveau AA", "Hébergement SecNumCloud"), List.of(), List.of(), launch, null);
        return briefs.create(owner, project.id(), "Portail des aides — cahier des charges", draft).then();
    }

    private Mono<Void> terroirs(Caller owner, LocalDate today, LocalDate thisMonth) {
        return clients.create(owner, new ClientDraft("Collectif Terroirs", Segment.SME, 30, List.of(
                        new Contact("Inès Roux", "ines@terroirs.example", "Fondatrice")), null))
                .flatMap(c -> project(owner, c, "Identité et site vitrine", ProjectStatus.DELIVERED,
                        thisMonth.minusMonths(5), thisMonth.minusMonths(2), thisMonth.minusMonths(2), 42_000))
                .flatMap(p -> bill(owner, today, p, new BillingPlan(30, List.of(
                        new Milestone("Livraison", thisMonth.minusMonths(2), 70)), false), List.of(3, 6)));
    }

    /** A steady retainer: maintenance and improvements, billed monthly and paid a few days late. */
    private Mono<Void> horizon(Caller owner, LocalDate today, LocalDate thisMonth, List<TeamMember> people) {
        LocalDate start = thisMonth.minusMonths(6);
        LocalDate end = thisMonth.plusMonths(5).plusDays(27);
        return clients.create(owner, new ClientDraft("Éditions Horizon", Segment.SME, 30, List.of(
                        new Contact("Claire Fontaine", "c.fontaine@horizon.example", "Directrice marketing")), null))
                .flatMap(c -> project(owner, c, "Maintenance et évolutions", ProjectStatus.ACTIVE, start, end, null,
                        600_000))
                .flatMap(p -> bill(owner, today, p, new BillingPlan(0, List.of(), true), List.of(2, 5, 4, 6, 3, 5))
                        .then(allocate(owner, p, people, List.of(1, 23, 26, 27), 40, start, end)));
    }

    /** Yesterday's bank balance, the rent and the other recurring costs, and one large purchase ahead. */
    private Mono<Void> cashFlows(Caller owner, LocalDate today, LocalDate thisMonth) {
        LocalDate since = thisMonth.minusMonths(24);
        return cash.recordBalance(owner, today.minusDays(1), eur(OPENING_BALANCE_EUROS))
                .then(cash.addOverhead(owner, "Loyer et charges", eur(9_500), 5, since, null))
                .then(cash.addOverhead(owner, "Logiciels et outils", eur(2_800), 10, since, null))
                .then(cash.addOverhead(owner, "Assurances et honoraires", eur(1_900), 15, since, null))
                .then(cash.addOneOff(owner, "Renouvellement du parc informatique",
                        thisMonth.plusMonths(1).plusDays(19), eur(18_000)))
                .then();
    }

    /**
     * Sets the plan, issues every planned invoice whose date has passed, and pays the first ones
     * {@code delays} days after their due date (while that date has passed too).
     */
    private Mono<Void> bill(Caller owner, LocalDate today, Project project, BillingPlan plan, List<Integer> delays) {
        return billing.setPlan(owner, project.id(), null, plan)
                .thenMany(billing.invoices(owner, new InvoiceFilter(null, project.id(), null),
                        PageRequest.of(PageRequest.MAX_SIZE, null)).flatMapIterable(page -> page.items()))
                .index()
                .concatMap(indexed -> {
                    Invoice invoice = indexed.getT2();
                    if (!invoice.issueDate().isBefore(today)) {
                        return Mono.empty();
                    }
                    int i = (int) (long) indexed.getT1();
                    return billing.issue(owner, invoice.id(), invoice.version(), null, invoice.issueDate())
                            .flatMap(issued -> {
                                LocalDate paidOn = i < delays.size() ? issued.dueDate().plusDays(delays.get(i)) : null;
                                return paidOn == null || !paidOn.isBefore(today) ? Mono.just(issued)
                                        : billing.recordPayment(owner, issued.id(), null, issued.amount(), paidOn);
                            });
                })
                .then();
    }

    private Mono<Project> project(Caller owner, Client client, String name, ProjectStatus status, LocalDate start,
                                  LocalDate launch, LocalDate commPlan, long feeEuros) {
        return projects.create(owner, client.id(), new ProjectDraft(name, status, start, launch, commPlan,
                eur(feeEuros), null));
    }

    private Mono<Void> allocate(Caller owner, Project project, List<TeamMember> people, List<Integer> who, int share,
                                LocalDate from, LocalDate to) {
        return Flux.fromIterable(who)
                .concatMap(i -> staffing.create(owner, new AllocationDraft(people.get(i).id(), project.id(), share,
                        from, to)))
                .then();
    }

    private static Money eur(long euros) {
        return new Money(euros * 100, EUR);
    }

    private static TeamMemberDraft member(String name, String job, String skills, String fte, long monthlyCost,
                                          long dayRate) {
        return new TeamMemberDraft(name, job, List.of(skills.split(", ")), new BigDecimal(fte), eur(monthlyCost),
                eur(dayRate));
    }

    /** 28 people, 27.0 full-time equivalents (24 full time, three at 0.8, one at 0.6). */
    static final List<TeamMemberDraft> TEAM = List.of(
            member("Camille Martin", "Directrice associée", "strategy, decisions", "1.0", 11_000, 1_100),
            member("Hugo Bernard", "Directeur administratif et financier", "finance", "1.0", 9_500, 0),
            member("Léa Dubois", "Directrice de projet", "strategy, content", "1.0", 8_200, 850),
            member("Antoine Petit", "Directeur de projet", "strategy, tech", "1.0", 8_200, 850),
            member("Manon Robert", "Cheffe de projet", "content, marketing", "1.0", 6_600, 700),
            member("Lucas Richard", "Chef de projet", "tech", "1.0", 6_600, 700),
            member("Chloé Durand", "Directrice artistique", "design", "1.0", 7_400, 800),
            member("Nathan Leroy", "Designer UX", "design, research", "1.0", 6_200, 700),
            member("Emma Moreau", "Designer UX", "design, research", "0.8", 6_000, 700),
            member("Louis Simon", "Designer UI", "design", "1.0", 5_800, 650),
            member("Jade Laurent", "Designer UI", "design", "1.0", 5_600, 650),
            member("Gabriel Lefebvre", "Architecte technique", "tech, data", "1.0", 8_800, 950),
            member("Alice Michel", "Développeuse front-end", "tech", "1.0", 6_400, 700),
            member("Arthur Garcia", "Développeur front-end", "tech", "1.0", 6_200, 700),
            member("Louise David", "Développeuse front-end", "tech", "1.0", 5_900, 650),
            member("Raphaël Bertrand", "Développeur front-end", "tech", "0.8", 5_700, 650),
            member("Inès Roux", "Développeuse back-end", "tech, data", "1.0", 6_800, 750),
            member("Jules Vincent", "Développeur back-end", "tech", "1.0", 6_500, 720),
            member("Lina Fournier", "Développeuse back-end", "tech", "1.0", 6_300, 700),
            member("Adam Morel", "Développeur mobile", "tech", "1.0", 6_600, 720),
            member("Rose Girard", "Développeuse mobile", "tech", "1.0", 6_400, 720),
            member("Tom André", "DevOps", "tech", "1.0", 7_000, 780),
            member("Mila Lefèvre", "QA", "tech", "1.0", 5_200, 600),
            member("Noah Mercier", "Data analyst", "data, marketing", "1.0", 6_000, 680),
            member("Zoé Dupont", "Content strategist", "content", "1.0", 5_600, 620),
            member("Ethan Lambert", "Rédacteur", "content", "0.6", 5_000, 550),
            member("Clara Bonnet", "Social media manager", "marketing, content", "1.0", 5_100, 580),
            member("Paul François", "Office manager", "operations", "0.8", 4_200, 0));
}
