import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// UI text lives in lib/i18n/messages only: a French string in code is shown in French to an
// English user. Comments may quote the French UI («Résumé de la Campagne»); strings may not.
const ROOT = path.resolve(import.meta.dirname, "..");
const SCANNED = ["lib", "components", "app"];
const MESSAGES = path.join("lib", "i18n", "messages") + path.sep;

// Demo and sample *data*, seeded into the database or posted by simulated customers: content a
// French call centre would have typed itself, not interface text.
const DATA_FILES = new Set(["lib/demo/seed.ts", "lib/simulator/traffic.ts", "lib/scripts/sample.ts"]);

const accented = /[àâäéèêëîïôöùûüÿçœæÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇŒÆ«»]/;
// French UI words that carry no accent, so the check above would miss them.
const words = /\b(Campagne|Liste noire|Fichier clients|Aucun|Aucune|Veuillez|Erreur|Enregistrer|Annuler|Supprimer|Rechercher|Paramètres)\b/;

function sourceFiles(): string[] {
  return SCANNED.flatMap((dir) =>
    (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .map((f) => path.join(dir, f))
      .filter(
        (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith(MESSAGES) && !DATA_FILES.has(f.split(path.sep).join("/")),
      ),
  );
}

/** Every string literal, template piece and JSX text of a file that reads as French. */
function frenchStrings(file: string, text = fs.readFileSync(path.join(ROOT, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node)) {
      const value = node.text;
      if (accented.test(value) || words.test(value))
        found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${value.trim().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no French outside the message files", () => {
  it("scans the code it means to (the guard itself works)", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join("lib", "admin", "usage.ts"));
    expect(files.some((f) => f.startsWith(MESSAGES))).toBe(false);
    // Strings, template pieces and JSX text are caught; comments are not.
    expect(
      frenchStrings("probe.tsx", 'const a = `Campagne ${n}`; // «commentaire»\nconst b = <p>Liste noire</p>;\nconst c = "Déjà";'),
    ).toHaveLength(3);
    expect(frenchStrings("probe.ts", "// Résumé de la Campagne\nconst a = 'queue';")).toEqual([]);
  });

  it("lib/, components/ and app/ hold no French string", () => {
    expect(sourceFiles().flatMap((f) => frenchStrings(f))).toEqual([]);
  });
});
