import { expect } from "@playwright/test";
import { signIn, test } from "./helpers";

/** A tiny valid WAV (50 ms of silence, 8 kHz mono 8-bit), built here rather than checked in. */
function wav(samples = 400): Buffer {
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write("WAVEfmt ", 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write("data", 36);
  b.writeUInt32LE(samples, 40);
  return b;
}

test("an administrator defines a work schedule and a holiday group, checks opening hours and plays a holiday's sound", async ({
  browser,
}) => {
  const admin = await signIn(browser, "admin");

  // Work schedule: a slot error is shown, then fixed.
  await admin.goto("/admin/schedules");
  await admin.getByRole("link", { name: "Nouveau planning" }).click();
  await admin.getByLabel("Nom du planning").fill("Bureau E2E");
  await expect(admin.getByLabel("Fuseau horaire")).toHaveValue("Europe/Paris");
  await admin.getByLabel("Lundi – Ouverture 1").fill("9");
  await admin.getByLabel("Lundi – Fermeture 1").fill("12");
  await admin.getByLabel("Lundi – Ouverture 2").fill("11");
  await admin.getByLabel("Lundi – Fermeture 2").fill("18");
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "Le second créneau doit commencer après la fin du premier" })).toBeVisible();
  await expect(admin.getByLabel("Lundi – Ouverture 2")).toHaveAttribute("aria-invalid", "true");
  await admin.getByLabel("Lundi – Ouverture 2").fill("14");
  await admin.getByRole("button", { name: "Copier le lundi sur mardi–vendredi" }).click();
  await admin.getByLabel("Samedi – Ouverture 1").fill("9");
  await admin.getByLabel("Samedi – Fermeture 1").fill("18");
  await admin.getByLabel("Samedi – Ouverture 2").fill("0");
  await admin.getByLabel("Samedi – Fermeture 2").fill("0");

  // "Would it be open at …?" on the schedule as typed, before saving.
  const check = admin.locator("section").filter({ hasText: "Serait-il ouvert le" });
  await check.getByLabel("Date").fill("2026-03-31"); // a Tuesday, copied from Monday
  await check.getByLabel("Heure").fill("10:30");
  await check.getByRole("button", { name: "Vérifier" }).click();
  await expect(check.getByText("Ouvert : créneau 09:00–12:00")).toBeVisible();
  await check.getByLabel("Heure").fill("12:30");
  await check.getByRole("button", { name: "Vérifier" }).click();
  await expect(check.getByText("Fermé : en dehors des horaires de ce jour")).toBeVisible();
  await check.getByLabel("Date").fill("2026-03-29");
  await check.getByRole("button", { name: "Vérifier" }).click();
  await expect(check.getByText("Fermé : jour non travaillé")).toBeVisible();

  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/schedules$/);
  await expect(admin.getByRole("row", { name: /Bureau E2E/ })).toContainText("Lun, Mar, Mer, Jeu, Ven, Sam");

  // Holiday group with a recurring holiday and its sound message.
  await admin.goto("/admin/holidays");
  await admin.getByRole("link", { name: "Nouveau groupe de jours fériés" }).click();
  await admin.getByLabel("Nom du groupe").fill("Fériés E2E");
  await admin.getByRole("button", { name: "Ajouter un jour férié" }).click();
  await admin.getByLabel("Libellé").fill("Noël");
  await admin.getByLabel("Date").fill("2026-12-25");
  await admin.getByLabel("Récurrent chaque année").check();
  await admin.getByLabel("Message sonore").setInputFiles({ name: "noel.txt", mimeType: "text/plain", buffer: Buffer.from("pas un son") });
  await expect(admin.getByText("Seuls les fichiers WAV, MP3 ou OGG sont acceptés")).toBeVisible();
  await admin.getByLabel("Message sonore").setInputFiles({ name: "noel.wav", mimeType: "audio/wav", buffer: wav() });
  const player = admin.getByLabel("Écouter « noel.wav »");
  await expect(player).toBeVisible();
  await admin.getByRole("button", { name: "Créer" }).click();
  await expect(admin).toHaveURL(/\/admin\/holidays$/);
  await expect(admin.getByRole("row", { name: /Fériés E2E/ })).toContainText("1");

  // Found in its list by a holiday's label; the saved sound plays from the server.
  await admin.getByPlaceholder("Rechercher…").fill("Noël");
  await admin.getByRole("button", { name: "Rechercher" }).click();
  await admin.getByRole("link", { name: "Fériés E2E" }).click();
  await expect(admin.getByLabel("Libellé")).toHaveValue("Noël");
  await expect(admin.getByLabel("Récurrent chaque année")).toBeChecked();
  const src = await admin.getByLabel("Écouter « noel.wav »").getAttribute("src");
  const sound = await admin.request.get(src!);
  expect(sound.status()).toBe(200);
  expect(sound.headers()["content-type"]).toBe("audio/wav");
  expect(Buffer.from(await sound.body()).equals(wav())).toBe(true);
  const duration = await admin.getByLabel("Écouter « noel.wav »").evaluate(
    (el: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        el.addEventListener("loadedmetadata", () => resolve(el.duration), { once: true });
        el.addEventListener("error", () => reject(new Error("audio error")), { once: true });
        el.preload = "metadata";
        el.load();
      }),
  );
  expect(duration).toBeGreaterThan(0.04);

  // The schedule is found by search, and its check knows the recurring holiday (Christmas 2027).
  await admin.goto("/admin/schedules?q=Bureau");
  await admin.getByRole("link", { name: "Bureau E2E" }).click();
  await check.getByLabel("Date").fill("2027-12-25");
  await check.getByLabel("Heure").fill("10:00");
  await check.getByLabel("Jours fériés").selectOption({ label: "Fériés E2E" });
  await check.getByRole("button", { name: "Vérifier" }).click();
  await expect(check.getByText("Fermé : jour férié « Noël »")).toBeVisible();
});

test("an agent cannot open the schedule and holiday pages nor fetch a sound", async ({ browser }) => {
  const agent = await signIn(browser, "1004");
  for (const path of ["/admin/schedules", "/admin/schedules/new", "/admin/holidays", "/admin/holidays/new"]) {
    expect((await agent.goto(path))?.status(), path).toBe(403);
  }
  expect((await agent.request.get("/api/holidays/sound/1")).status()).toBe(403);
  const upload = await agent.request.post("/api/holidays/sound", {
    multipart: { file: { name: "a.wav", mimeType: "audio/wav", buffer: wav() } },
  });
  expect(upload.status()).toBe(403);
});
