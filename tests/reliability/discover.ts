import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** A file whose first statement is the "use server" directive: every export is a server action. */
function isServerActionsFile(file: string): boolean {
  const text = fs.readFileSync(file, "utf8").replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(text);
}

/** Every server-action module and route-handler module of app/, found from the code (no hand-kept list). */
export function discoverModules(): { actions: string[]; routes: string[] } {
  const files = walk(path.join(root, "app")).map((f) => path.relative(root, f));
  return {
    actions: files.filter((f) => isServerActionsFile(path.join(root, f))).sort(),
    routes: files.filter((f) => /(^|\/)route\.ts$/.test(f)).sort(),
  };
}

export async function loadModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
}

export const httpMethods = HTTP_METHODS;

/** The URL path of a route file, its dynamic segments filled with "1". */
export function routeUrl(file: string): { url: string; params: Record<string, string | string[]> } {
  const segments = path.dirname(file).split("/").slice(1); // drop "app"
  const params: Record<string, string | string[]> = {};
  const parts = segments
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => {
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(s);
      if (catchAll) {
        params[catchAll[1]] = ["session"];
        return "session";
      }
      const dynamic = /^\[(.+)\]$/.exec(s);
      if (dynamic) {
        params[dynamic[1]] = "1";
        return "1";
      }
      return s;
    });
  return { url: `http://localhost:3000/${parts.join("/")}`, params };
}
