import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  addressBooks,
  agentProfiles,
  appointmentLocations,
  appointmentTypes,
  campaigns,
  customerDatabases,
  customerFiles,
  platforms,
  emailTemplates,
  predefinedResponses,
  rootSettings,
  salesReps,
  salesRepSchedules,
  qualificationGroups,
  qualificationStatuses,
  queues,
  scripts,
  scriptVersions,
  supervisionGroupMembers,
  supervisionGroups,
  users,
  type Right,
  type Role,
} from "@/db/schema";
import { scriptModelSchema } from "@/lib/scripts/model";
import { applyCustomerFile } from "@/lib/scripts/customer-file";
import { defaultGreyed } from "@/lib/agenda/slots";
import { createContactTable, tableNameFor } from "@/lib/agenda/address-book-table";
import { hashPassword, generatePassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto/secrets";
import { DEMO_ACCOUNT, DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";

export interface SeededAccount {
  login: string;
  name: string;
  role: Role;
  password: string;
}

interface SeedOptions {
  demo: boolean;
  password?: string;
  simulatorUrl: string;
  keyword?: string;
  pollSeconds?: number;
  /** The simulator's SMTP listener: the demo's root settings send mail there. */
  smtpPort?: number;
}

/**
 * On an empty database: the first admin account, and with `demo` a whole working workspace
 * (supervisor, agents 1000–1004 who may book appointments, a sales rep with his agenda, a queue,
 * qualifications, a running Twitter campaign on the simulator). Returns the accounts created with their passwords, which are shown once.
 */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeededAccount[]> {
  return db.transaction(async (tx) => {
    // Two instances starting on one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7426174)`);
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) return [];

    const accounts: { login: string; name: string; role: Role; rights?: Right[] }[] = [
      { login: "admin", name: "Administrateur", role: "admin" },
    ];
    if (options.demo) {
      accounts.push({ login: "superviseur", name: "Superviseur Démo", role: "supervisor", rights: ["supervision", "reporting"] });
      for (let code = 1000; code <= 1004; code++) accounts.push({ login: String(code), name: `Agent ${code}`, role: "agent" });
      accounts.push({ login: "commercial", name: "Camille Bernard", role: "sales_rep" });
    }
    const created: SeededAccount[] = [];
    const ids = new Map<string, number>();
    for (const a of accounts) {
      const password = options.password || generatePassword();
      const [row] = await tx
        .insert(users)
        .values({ login: a.login, name: a.name, role: a.role, rights: a.rights ?? [], passwordHash: await hashPassword(password) })
        .returning({ id: users.id });
      ids.set(a.login, row.id);
      created.push({ login: a.login, name: a.name, role: a.role, password });
    }
    if (!options.demo) return created;

    // A supervisor sees only the agents of its supervision groups: the demo one supervises them all.
    const [team] = await tx.insert(supervisionGroups).values({ name: "Équipe démo", description: "Agents 1000 à 1004" }).returning();
    await tx.insert(supervisionGroupMembers).values(
      accounts
        .filter((a) => a.role === "agent" || a.role === "supervisor")
        .map((a) => ({
          groupId: team.id,
          userId: ids.get(a.login)!,
          role: a.role === "supervisor" ? ("supervisor" as const) : ("agent" as const),
        })),
    );

    // The demo supervisor may download report tables («Export de données»), and act on his team
    // from the wallboard (reassign, take back, force a state), as a team lead would.
    await tx.insert(agentProfiles).values({
      userId: ids.get("superviseur")!,
      miscRights: ["export_data"],
      supervisionRights: ["reassign", "change_agent_state"],
    });

    const [queue] = await tx.insert(queues).values({ code: "SOCIAL", description: "Réseaux sociaux — démo" }).returning();
    const [group] = await tx.insert(qualificationGroups).values({ name: "Qualifications par défaut", currency: "EUR" }).returning();
    const statuses = [
      { code: "VENTE", label: "Vente conclue", category: "positive", benefit: "50" },
      { code: "RDV", label: "Rendez-vous pris", category: "positive", benefit: "20" },
      { code: "INTERESSE", label: "Intéressé, à relancer", category: "argued", benefit: "0" },
      { code: "INFO", label: "Information donnée", category: "argued", benefit: "0" },
      { code: "HORS_CIBLE", label: "Hors cible", category: "not_argued", benefit: "0" },
    ] as const;
    await tx.insert(qualificationStatuses).values(statuses.map((s, i) => ({ ...s, groupId: group.id, position: i })));
    if (options.smtpPort) {
      // Mail goes to the simulator's listener on loopback (shown on /simulator): no TLS, no login.
      await tx
        .insert(rootSettings)
        .values({ id: 1, smtpHost: "127.0.0.1", smtpPort: options.smtpPort, smtpTls: false, smtpFrom: "relais@demo.relais.test" })
        .onConflictDoNothing();
    }
    const [platform] = await tx
      .insert(platforms)
      .values({ name: "Simulateur", twitterBaseUrl: options.simulatorUrl, facebookBaseUrl: options.simulatorUrl })
      .returning();
    // A production script with a customer file, so the demo campaign's summary is not red (a red
    // campaign is stopped) and an agent sees a working script: the author's name from the message,
    // a city saved to the customer file (found again on the author's next conversation), a closing.
    const model = demoScriptModel();
    const [database] = await tx.insert(customerDatabases).values({ name: "Base démo", schemaName: "demo_clients" }).returning();
    const columns = [{ objectId: "ville", objectName: "VILLE", column: "VILLE", type: "text" as const }];
    await applyCustomerFile(tx, "demo_clients", "C_DEMO", columns);
    const [script] = await tx.insert(scripts).values({ name: "Script démo", draft: model }).returning();
    await tx
      .insert(customerFiles)
      .values({ scriptId: script.id, databaseId: database.id, tableName: "C_DEMO", mapping: { columns, excluded: [] } });
    const [version] = await tx
      .insert(scriptVersions)
      .values({
        scriptId: script.id,
        kind: "production",
        number: 1,
        model,
        customerFile: { databaseId: database.id, schemaName: "demo_clients", tableName: "C_DEMO", mapping: { columns, excluded: [] } },
      })
      .returning();
    // The agenda (manual steps 14–15): a sales rep's week (Monday–Friday 9–12 and 14–18), one
    // appointment type, two places; the demo script's «Proposer un rendez-vous» page books in it.
    const [repSchedule] = await tx
      .insert(salesRepSchedules)
      .values({ name: "Commerciaux démo", greyed: defaultGreyed(), minNoticeMinutes: 60, maxDaysAhead: 60 })
      .returning();
    await tx.insert(appointmentTypes).values({ scheduleId: repSchedule.id, name: "Rendez-vous conseil", durationMinutes: 30 });
    await tx.insert(appointmentLocations).values([
      { scheduleId: repSchedule.id, name: "Agence Paris Bastille", position: 0 },
      { scheduleId: repSchedule.id, name: "Visioconférence", position: 1 },
    ]);
    await tx.insert(salesReps).values({
      userId: ids.get("commercial")!,
      lastName: "Bernard",
      firstName: "Camille",
      email: "camille.bernard@demo.relais.test",
      colour: "#0f766e",
      scheduleId: repSchedule.id,
    });
    // Step 13: an address book (an empty contacts table in the demo database) for the campaign.
    const [book] = await tx.insert(addressBooks).values({ name: "Contacts démo", databaseId: database.id, tableName: "" }).returning();
    const bookTable = tableNameFor(book.id);
    await tx.update(addressBooks).set({ tableName: bookTable }).where(eq(addressBooks.id, book.id));
    await createContactTable(tx, "demo_clients", bookTable);
    // Agent 1003 works two conversations at once and is Ready again after each closing.
    // Every demo agent may book appointments («Prendre des rendez-vous sur l'agenda»).
    await tx
      .insert(agentProfiles)
      .values(["1000", "1001", "1002", "1004"].map((login) => ({ userId: ids.get(login)!, miscRights: ["book_appointment" as const] })));
    await tx.insert(agentProfiles).values({
      userId: ids.get("1003")!,
      maxConversations: 2,
      directlyReady: true,
      personalCallbacks: true,
      miscRights: ["book_appointment"],
    });
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        type: "twitter",
        name: "Démo Twitter",
        state: "running",
        platformId: platform.id,
        queueId: queue.id,
        qualificationGroupId: group.id,
        pollIntervalSeconds: options.pollSeconds ?? 10,
        searchQuery: options.keyword ?? "relais",
        accountId: DEMO_ACCOUNT.id,
        credentials: encryptSecret(DEMO_TWITTER_CREDENTIALS),
        accountHandle: "relais_demo",
        scriptId: script.id,
        scriptVersionId: version.id,
        databaseId: database.id,
        salesRepScheduleId: repSchedule.id,
        addressBookId: book.id,
      })
      .returning();
    await tx.insert(predefinedResponses).values([
      {
        campaignId: campaign.id,
        title: "Remerciement",
        text: "Bonjour $AUTEUR, merci pour votre message ! Nous revenons vers vous rapidement.",
        position: 0,
      },
      {
        campaignId: campaign.id,
        title: "Suivi de commande",
        text: "Bonjour $AUTEUR, pouvez-vous nous écrire votre numéro de commande en message privé ?",
        position: 1,
      },
    ]);
    await tx.insert(emailTemplates).values({
      campaignId: campaign.id,
      name: "Suivi par email",
      subject: "Votre demande sur $RESEAU, $AUTEUR",
      body: "Bonjour $AUTEUR,\n\nMerci pour votre message. $AGENT, de l'équipe $CAMPAGNE, revient vers vous par email.\n\nÀ bientôt.",
    });
    return created;
  });
}

/** Keeps the demo credentials readable by the operator only, for who missed the console. */
export function writeCredentialsFile(folder: string, url: string, accounts: SeededAccount[], name = "demo-credentials.txt"): string {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const file = path.join(folder, name);
  const lines = [`Relais — ${url}`, ...accounts.map((a) => `${a.role.padEnd(10)} ${a.login.padEnd(12)} ${a.password}`)];
  fs.writeFileSync(file, lines.join("\n") + "\n", { mode: 0o600 });
  // The mode above applies only to a new file: an existing one is narrowed too.
  fs.chmodSync(file, 0o600);
  return file;
}

/** The demo campaign's script: greeting with the author's name, a city for the customer file, a closing. */
function demoScriptModel() {
  const at = (row: number, col = 0, width = 12) => ({ row, col, width });
  return scriptModelSchema.parse({
    version: 2,
    pages: [
      {
        id: "accueil",
        name: "Accueil",
        objects: [
          {
            id: "salut",
            kind: "label",
            name: "SALUT",
            label: "",
            text: "Bonjour $NOM, merci de nous écrire.",
            evaluate: true,
            layout: at(0),
          },
          { id: "ville", kind: "input", name: "VILLE", label: "Ville du client", required: true, layout: at(1, 0, 6) },
          { id: "enregistrer", kind: "button", name: "ENREGISTRER", label: "Enregistrer la fiche", actionId: "save", layout: at(2, 0, 4) },
          { id: "cloturer", kind: "button", name: "CLOTURER", label: "Information donnée", actionId: "close", layout: at(2, 4, 4) },
          {
            id: "proposer",
            kind: "button",
            name: "PROPOSER_RDV",
            label: "Proposer un rendez-vous",
            actionId: "toRdv",
            layout: at(2, 8, 4),
          },
        ],
      },
      {
        id: "rendez-vous",
        name: "Rendez-vous",
        objects: [
          { id: "rdv", kind: "agenda", name: "RDV", label: "Rendez-vous avec un conseiller", required: true, layout: at(0) },
          { id: "retour", kind: "button", name: "RETOUR", label: "Retour", actionId: "back", layout: at(1, 0, 4) },
          { id: "pris", kind: "button", name: "RDV_PRIS", label: "Rendez-vous pris", actionId: "booked", layout: at(1, 4, 4) },
        ],
      },
    ],
    actions: [
      { id: "save", name: "Enregistrer fiche", commands: [{ type: "saveCustomerFile" }] },
      {
        id: "close",
        name: "Clôturer",
        commands: [{ type: "saveCustomerFile" }, { type: "qualify", status: "INFO" }, { type: "endConversation" }],
      },
      { id: "toRdv", name: "Proposer un rendez-vous", commands: [{ type: "goToPage", pageId: "rendez-vous" }] },
      { id: "back", name: "Retour", commands: [{ type: "goToPage", pageId: "accueil" }] },
      {
        id: "booked",
        name: "Rendez-vous pris",
        commands: [
          { type: "bookAppointment", objectId: "rdv" },
          { type: "saveCustomerFile" },
          { type: "qualify", status: "RDV" },
          { type: "endConversation" },
        ],
      },
    ],
    variables: [{ name: "NOM", source: "message", ref: "authorName", defaultValue: "" }],
  });
}
