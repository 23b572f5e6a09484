import { expect } from "@playwright/test";
import { quietFloor, shots, signIn, test } from "./helpers";

/** The Monday after today (YYYY-MM-DD), where a fresh default grid always has free slots. */
function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

test("an administrator builds a schedule and a rep; an agent books from the script in the workspace, the same slot is refused to a second, the rep's agenda shows it live and the rep gets the email", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await quietFloor(browser);
  const admin = await signIn(browser, "admin");

  // Step 14: a sales-rep schedule (default grid Monday–Friday 9–12 and 14–18), one type, one location.
  await admin.goto("/admin/sales-rep-schedules");
  await expect(admin.getByRole("row", { name: /Commerciaux démo/ })).toBeVisible();
  await admin.getByRole("link", { name: "Nouveau planning de commerciaux" }).click();
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Commerciaux E2E");
  // Grey out Monday 09:00 by clicking it, then make it available again with the keyboard.
  const monday9 = admin.getByRole("gridcell", { name: "Lundi 09:00 : disponible" });
  await monday9.click();
  await expect(admin.getByRole("gridcell", { name: "Lundi 09:00 : grisé" })).toBeVisible();
  await admin.getByRole("gridcell", { name: "Lundi 09:00 : grisé" }).press("Space");
  await expect(admin.getByRole("gridcell", { name: "Lundi 09:00 : disponible" })).toBeVisible();
  await shots(admin, "schedule-general");
  await admin.getByRole("tab", { name: "Type de rendez-vous" }).click();
  await admin.getByRole("textbox", { name: "Nom" }).fill("Visite");
  await admin.getByRole("tab", { name: "Lieux de rendez-vous" }).click();
  await admin.getByRole("button", { name: "Ajouter un lieu" }).click();
  await admin.getByRole("textbox", { name: "Lieu" }).fill("Agence Paris");
  await admin.getByRole("tab", { name: "Droits des agents" }).click();
  await admin.getByLabel("Au plus tard (minutes avant le rendez-vous)").fill("0");
  await shots(admin, "schedule-rights");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/sales-rep-schedules\/\d+$/);
  await expect(admin.getByRole("heading", { name: "Planning de commerciaux « Commerciaux E2E »" })).toBeVisible();

  // Step 15: a rep with a login, on that schedule, covering Paris.
  await admin.goto("/admin/sales-reps/new");
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Martin");
  await admin.getByLabel("Prénom").fill("Léa");
  await admin.getByLabel("Email").fill("lea.martin@example.test");
  await admin.getByLabel("Identifiant (optionnel)").fill("lea.martin");
  await admin.getByLabel("Mot de passe").fill("Lea-password-2026!");
  await admin.getByRole("tab", { name: "Affectations et régions" }).click();
  await admin.getByLabel("Planning").selectOption({ label: "Commerciaux E2E" });
  await admin.getByLabel("Zones géographiques").fill("75, 92");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/sales-reps\/\d+$/);
  await admin.goto("/admin/sales-reps");
  await expect(admin.getByRole("row", { name: /Léa Martin/ })).toContainText("Commerciaux E2E");
  await shots(admin, "sales-reps");

  // Wiring: the campaign's «Relation Client» tab offers the schedule.
  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Démo Twitter", exact: true }).click();
  await admin.getByRole("tab", { name: "Relation Client" }).click();
  await admin.getByLabel("Planning pour l'agenda").selectOption({ label: "Commerciaux E2E" });
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();

  // The rep watches next week's agenda.
  const week = nextMonday();
  const rep = await signIn(browser, "lea.martin", "Lea-password-2026!");
  await rep.goto(`/agenda?view=week&date=${week}`);
  await expect(rep.getByRole("heading", { name: /Agenda — Léa Martin/ })).toBeVisible();
  await expect(rep.getByTestId("appointment")).toHaveCount(0);

  // Agent 1001 opens the booking page on next week and picks its first 09:00; his live stream
  // is cut, as if he clicked at the same instant as the agent who books it first.
  const agent2 = await signIn(browser, "1001");
  await agent2.context().route("**/api/stream", (route) => route.abort());
  await agent2.goto("/agenda/book?cp=75011");
  const panel2 = agent2.getByTestId("booking-panel");
  await expect(panel2.getByLabel("Commercial", { exact: true })).toContainText("Léa Martin");
  await panel2.getByRole("button", { name: "Semaine suivante" }).click();
  // Next week's grid (Monday to Friday) has loaded: five 09:00 slots.
  const nine2 = panel2.getByRole("group", { name: "Créneaux libres" }).getByRole("button", { name: "09:00" });
  await expect(nine2).toHaveCount(5);
  await nine2.first().click();
  await agent2.getByLabel("Client").fill("Client de 1001");

  // Agent 1000 answers a customer and books from the campaign's script, in the workspace.
  const agent1 = await signIn(browser, "1000");
  await agent1.getByRole("button", { name: "Prêt" }).click();
  await expect(agent1.getByTestId("presence")).toHaveText("Prêt");
  const text = `@relais_demo relais, je voudrais rencontrer un conseiller ${Date.now()}`;
  await fetch(`${process.env.E2E_SIM_URL}/_sim/twitter/tweets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ authorHandle: "jules_rdv", authorName: "Jules Rendez-vous", text }),
  });
  await expect(agent1.getByTestId("message-in")).toContainText(text, { timeout: 30_000 });
  const script = agent1.getByTestId("script");
  await script.getByLabel("Ville du client").fill("Paris");
  await script.getByRole("button", { name: "Proposer un rendez-vous" }).click();
  const panel1 = script.getByTestId("booking-panel");
  await expect(panel1.getByLabel("Commercial", { exact: true })).toContainText("Léa Martin");
  await expect(panel1.getByLabel("Client", { exact: true })).toHaveValue("Jules Rendez-vous");
  // The script's closing button needs the appointment first.
  await script.getByRole("button", { name: "Rendez-vous pris" }).click();
  await expect(script.getByRole("alert").filter({ hasText: "Corrigez les champs : RDV" })).toBeVisible();
  await panel1.getByRole("button", { name: "Semaine suivante" }).click();
  const nineOClock = panel1.getByRole("group", { name: "Créneaux libres" }).getByRole("button", { name: "09:00" });
  await expect(nineOClock).toHaveCount(5);
  await nineOClock.first().click();
  await panel1.getByLabel("Lieu").selectOption({ label: "Agence Paris" });
  await shots(agent1, "booking-in-workspace");
  await panel1.getByRole("button", { name: /^Réserver le / }).click();
  await expect(agent1.getByText(/Rendez-vous réservé le .* avec Léa Martin/).first()).toBeVisible();
  await expect(script.getByTestId("script-agenda-booked")).toContainText("Rendez-vous pris pour le");
  // The taken slot is no longer offered (Monday's 09:00; the other days' remain).
  await expect(nineOClock).toHaveCount(4);
  await script.getByRole("button", { name: "Rendez-vous pris" }).click();
  await expect(agent1.getByTestId("no-conversation")).toBeVisible();

  // The second agent comes too late for the slot he had chosen. Either the live update reaches his
  // panel first (the slot leaves his screen) or his click does (the database refuses it): both
  // times he is told why.
  const late = agent2.getByRole("button", { name: /^Réserver le / });
  if (await late.isVisible()) await late.click({ timeout: 2_000 }).catch(() => undefined);
  await expect(
    agent2.getByRole("alert").filter({ hasText: "Ce créneau vient d'être pris : choisissez-en un autre" }).first(),
  ).toBeVisible();

  // The rep's agenda shows it without reloading, in his colour, with its details.
  const appointment = rep.getByTestId("appointment");
  await expect(appointment).toHaveCount(1);
  await expect(appointment).toContainText("Visite — Jules Rendez-vous");
  await appointment.click();
  await expect(rep.getByTestId("appointment-details")).toContainText("Agent 1000");
  await shots(rep, "rep-agenda-week");
  await rep.goto(`/agenda?view=day&date=${week}`);
  await expect(rep.getByTestId("appointment")).toHaveCount(1);
  await shots(rep, "rep-agenda-day");

  // The rep received the appointment by email, at the simulator's SMTP listener.
  await expect(async () => {
    const { mails } = await (await fetch(`${process.env.E2E_SIM_URL}/_sim/mails`)).json();
    const toRep = mails.filter((m: { to: string[]; text: string }) => m.to.includes("lea.martin@example.test"));
    expect(toRep).toHaveLength(1);
    expect(toRep[0].text).toContain("Jules Rendez-vous");
  }).toPass({ timeout: 30_000 });

  // The rep cannot be made inactive while he has this appointment: the refusal names it.
  await admin.goto("/admin/sales-reps");
  await admin.getByRole("link", { name: "Léa Martin" }).click();
  await admin.getByRole("checkbox", { name: /Actif/ }).uncheck();
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText(/Ce commercial a des rendez-vous à venir : .*Jules Rendez-vous/).first()).toBeVisible();

  // The demo campaign books in the demo's schedule again for the journeys after this one.
  await admin.goto("/admin/campaigns");
  await admin.getByRole("link", { name: "Démo Twitter", exact: true }).click();
  await admin.getByRole("tab", { name: "Relation Client" }).click();
  await admin.getByLabel("Planning pour l'agenda").selectOption({ label: "Commerciaux démo" });
  await admin.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(admin.getByText("Modifications enregistrées").first()).toBeVisible();
});

test("an administrator creates an address book, maps and imports a CSV file, and reads the report", async ({ browser }) => {
  const admin = await signIn(browser, "admin");
  await admin.goto("/admin/address-books");
  await admin.getByRole("link", { name: "Nouveau carnet d'adresses" }).click();
  await admin.getByRole("textbox", { name: "Nom", exact: true }).fill("Clients E2E");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/address-books\/\d+$/);
  const csv =
    "Civilité;Nom;Prénom;Société;Courriel;Code postal;Ville;Colonne inconnue\nM.;Dupont;Jean;ACME;jean@acme.test;75011;Paris;x\nMme;Durand;Anne;;anne@x.test;92100;Boulogne;y\nM.;DUPONT;Jean;ACME;JEAN@acme.test;75011;Paris;z\n";
  await admin
    .getByLabel("Fichier", { exact: true })
    .setInputFiles({ name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  // The preview maps the recognised headers; the unknown one is left out.
  await expect(admin.getByLabel("Champ du carnet — Courriel")).toHaveValue("email");
  await expect(admin.getByLabel("Champ du carnet — Colonne inconnue")).toHaveValue("");
  await shots(admin, "address-book-import");
  await admin.getByRole("button", { name: "Importer" }).click();
  const report = admin.getByRole("region", { name: "Rapport d'import : clients.csv" });
  await expect(report.getByRole("status")).toHaveText("Import terminé : 2 contacts ajoutés.");
  await expect(report.getByRole("row", { name: /^4 Jean DUPONT/ })).toContainText("Ignoré : même contact qu'à la ligne 2");
  await expect(admin.getByRole("row", { name: /Mme Durand Anne/ })).toContainText("Boulogne");
  await shots(admin, "address-book");
  await admin.goto("/admin/address-books");
  await shots(admin, "address-books");
});
