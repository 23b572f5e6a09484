/**
 * Opening a large script: 20 pages × 30 objects.
 *   npx tsx bench/designer-open.ts            parse + migrate + validate + start, in Node
 *   npx tsx bench/designer-open.ts --browser  also the editor page in Chromium (starts Relais on a
 *                                             throw-away data folder; builds first if needed)
 * Prints figures; asserts nothing.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { SCRIPT_MODEL_VERSION, objectKinds, type ScriptModel, type ScriptObject } from "@/lib/scripts/model";
import { parseScriptModel } from "@/lib/scripts/migrate";
import { validateForGeneration } from "@/lib/scripts/validate";
import { startScript } from "@/lib/scripts/interpreter";
import { object } from "@/lib/scripts/sample";

export function bigModel(pages = 20, perPage = 30): ScriptModel {
  const kinds = objectKinds.filter((k) => k !== "button");
  const model: ScriptModel = {
    version: SCRIPT_MODEL_VERSION,
    pages: [],
    actions: [],
    variables: [
      { name: "NOM", source: "customerFile", ref: "NOM", defaultValue: "" },
      { name: "RESEAU", source: "message", ref: "network", defaultValue: "" },
    ],
  };
  for (let p = 0; p < pages; p++) {
    const objects: ScriptObject[] = [];
    for (let i = 0; i < perPage - 1; i++) {
      const kind = i === 0 ? "label" : kinds[i % kinds.length];
      objects.push(
        object({
          id: `o${p}_${i}`,
          kind,
          name: `F${p}_${i}`,
          label: `Question ${i} de la page ${p + 1}`,
          text: kind === "label" ? `Bonjour $NOM, page ${p + 1} sur $RESEAU` : "",
          evaluate: kind === "label",
          required: i % 5 === 1,
          pattern: kind === "input" && i % 3 === 0 ? "[0-9]{5}" : "",
          options: ["list", "multiList", "objectionList", "radio"].includes(kind)
            ? [1, 2, 3, 4, 5].map((n) => ({ value: `v${n}`, label: `Choix ${n}` }))
            : [],
          layout: { row: Math.floor(i / 2), col: (i % 2) * 6, width: 6 },
        }),
      );
    }
    objects.push(
      object({ id: `b${p}`, kind: "button", name: `NEXT_${p}`, label: "Suite", actionId: `a${p}`, layout: { row: 99, col: 0, width: 3 } }),
    );
    model.pages.push({ id: `p${p}`, name: `Page ${p + 1}`, objects, onEnter: null });
    const next =
      p + 1 < pages
        ? [{ type: "goToPage" as const, pageId: `p${p + 1}` }]
        : [{ type: "saveCustomerFile" as const }, { type: "endConversation" as const }];
    model.actions.push({
      id: `a${p}`,
      name: `Suite ${p + 1}`,
      commands: [{ type: "setVariable", variable: "RESEAU", value: "$RESEAU" }, ...next],
    });
  }
  return model;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label: string, runs: number, f: () => unknown): number {
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  console.log(
    `${label.padEnd(44)} median ${median(samples).toFixed(2)} ms  (min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)}, ${runs} runs)`,
  );
  return median(samples);
}

async function browserFigures(model: ScriptModel) {
  const port = process.env.BENCH_PORT || "3305";
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-bench-"));
  const password = "Bench-demo-Password!";
  // The script is written before Relais starts: PGlite allows one process per data folder.
  const { openPglite, migrateDatabase } = await import("@/db/client");
  const { scripts } = await import("@/db/schema");
  const handle = await openPglite(dataDir);
  await migrateDatabase(handle);
  const [row] = await handle.db.insert(scripts).values({ name: "Bench 20×30", draft: model }).returning({ id: scripts.id });
  await handle.close();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    RELAIS_HOST: "127.0.0.1",
    SIMULATOR_PORT: process.env.BENCH_SIMULATOR_PORT || "4505",
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO_PASSWORD: password,
  };
  delete env.DATABASE_URL;
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts"], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`Relais exited (${child.exitCode}):\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8").slice(-3000)}`);
      const ok = await fetch(`${base}/login`)
        .then((r) => r.status < 500)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error("Relais did not start in time");
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({
      executablePath: process.env.RELAIS_CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const page = await browser.newPage({ baseURL: base, locale: "fr-FR" });
    // Chunks every page loads (framework, shell): what is left per page is the page's own code.
    const baseline = new Set<string>();
    const onBaseline = (res: import("@playwright/test").Response) => {
      if (/\/_next\/static\/.*\.js(\?|$)/.test(res.url())) baseline.add(res.url());
    };
    page.on("response", onBaseline);
    await page.goto("/login", { waitUntil: "networkidle" });
    page.off("response", onBaseline);
    await page.locator('input[name="login"]').fill("admin");
    await page.locator('input[name="password"]').fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    for (const [label, url] of [
      ["designer home", "/designer"],
      ["editor (20×30)", `/designer/scripts/${row.id}`],
    ] as const) {
      for (const run of ["cold", "warm"]) {
        const chunks = new Map<string, number>();
        const onResponse = async (res: import("@playwright/test").Response) => {
          if (!/\/_next\/static\/.*\.js(\?|$)/.test(res.url())) return;
          const body = await res.body().catch(() => null);
          if (!body) return;
          chunks.set(res.url(), body.length);
          chunks.set(`${res.url()}#gz`, zlib.gzipSync(body).length);
        };
        page.on("response", onResponse);
        const t0 = performance.now();
        await page.goto(url, { waitUntil: "load" });
        const loaded = performance.now() - t0;
        if (url.includes("/scripts/")) await page.getByRole("heading", { name: /Objets de la page/ }).waitFor();
        const ready = performance.now() - t0;
        await page.waitForLoadState("networkidle");
        page.off("response", onResponse);
        const raw = [...chunks].filter(([k]) => !k.endsWith("#gz")).reduce((a, [, v]) => a + v, 0);
        const gz = [...chunks].filter(([k]) => k.endsWith("#gz")).reduce((a, [, v]) => a + v, 0);
        const own = [...chunks].filter(([k]) => !baseline.has(k.replace(/#gz$/, "")));
        const ownRaw = own.filter(([k]) => !k.endsWith("#gz")).reduce((a, [, v]) => a + v, 0);
        const ownGz = own.filter(([k]) => k.endsWith("#gz")).reduce((a, [, v]) => a + v, 0);
        console.log(
          `${label.padEnd(16)} ${run}: load ${loaded.toFixed(0)} ms, ready ${ready.toFixed(0)} ms; JS ${chunks.size / 2} chunks = ${(raw / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip), ` +
            `of which not loaded by /login: ${own.length / 2} chunks = ${(ownRaw / 1024).toFixed(1)} KiB (${(ownGz / 1024).toFixed(1)} KiB gzip)`,
        );
      }
    }
    await browser.close();
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const model = bigModel();
  const json = JSON.stringify(model);
  const objects = model.pages.reduce((n, p) => n + p.objects.length, 0);
  console.log(
    `Script: ${model.pages.length} pages × ${objects / model.pages.length} objects = ${objects} objects, ${model.actions.length} actions; JSON ${(json.length / 1024).toFixed(1)} KiB`,
  );
  // Baseline: JSON.parse of the same document alone, which any storage of the script would pay.
  const baseline = time("JSON.parse alone (baseline)", 30, () => JSON.parse(json));
  const parse = time("JSON.parse + migrate + zod parse", 30, () => parseScriptModel(JSON.parse(json)));
  const validate = time("generation checks (validateForGeneration)", 30, () => validateForGeneration(model, null));
  const open = time("open = parse + validate", 30, () => validateForGeneration(parseScriptModel(JSON.parse(json)), null));
  const start = time("start a run (startScript)", 30, () => startScript(model, { NOM: "Dupont" }));
  console.log(
    `RESULT designer-open engine=node objects=${objects} json_parse_baseline_ms=${baseline.toFixed(2)} parse_ms=${parse.toFixed(2)} ` +
      `validate_ms=${validate.toFixed(2)} open_ms=${open.toFixed(2)} start_ms=${start.toFixed(2)}`,
  );
  if (process.argv.includes("--browser")) await browserFigures(model);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
