import { describe, expect, it } from "vitest";
import { withoutCredentials } from "./query-credentials";

const clean = (url: string) => withoutCredentials(new URL(url))?.toString() ?? null;

describe("credentials in a query string", () => {
  it("are stripped from the sign-in page, keeping what else the URL says", () => {
    expect(clean("http://relais.test/login?login=admin&password=s3cret")).toBe("http://relais.test/login");
    expect(clean("http://relais.test/login?callbackUrl=%2Fadmin&PASSWORD=s3cret")).toBe("http://relais.test/login?callbackUrl=%2Fadmin");
  });

  it("a password is stripped from any page; elsewhere `login` may be a filter", () => {
    expect(clean("http://relais.test/admin/agents?login=1000&pwd=x")).toBe("http://relais.test/admin/agents?login=1000");
    expect(clean("http://relais.test/admin/agents?login=1000")).toBeNull();
    expect(clean("http://relais.test/login")).toBeNull();
  });
});
