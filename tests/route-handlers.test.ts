import { describe, it, expect } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { routeAccess } from "@/lib/auth/route";

// Every route handler of the app, found on disk so that a new one cannot be forgotten here.
const appDir = path.resolve(import.meta.dirname, "../app");
const routeFiles = (readdirSync(appDir, { recursive: true, encoding: "utf8" }) as string[])
  .filter((f) => path.basename(f) === "route.ts" || path.basename(f) === "route.tsx")
  .sort();
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

describe("route handlers", () => {
  it("are found (the enumeration itself works)", () => {
    expect(routeFiles).toContain(path.join("api", "holidays", "sound", "route.ts"));
    expect(routeFiles).toContain(path.join("api", "auth", "[...nextauth]", "route.ts"));
    expect(routeFiles.length).toBeGreaterThanOrEqual(7);
  });

  it.each(routeFiles)("%s: every exported method goes through defineRoute", async (file) => {
    const mod = (await import(path.join(appDir, file))) as Record<string, unknown>;
    const methods = METHODS.filter((m) => m in mod);
    expect(methods.length, "exports at least one method").toBeGreaterThan(0);
    for (const method of methods) {
      const access = routeAccess(mod[method]);
      expect(access, `${method} is made by defineRoute`).toBeDefined();
      // Public routes are the sign-in and Inngest endpoints only, both said so at the call site.
      if (access?.access === "public") expect(file).toMatch(/^api[\\/](auth|inngest)[\\/]/);
    }
  });
});
