import { describe, expect, it } from "vitest";
import { buildCredentialsCsv } from "./credentials-csv";

const headers: [string, string, string] = ["Code agent", "Nom", "Mot de passe"];

describe("buildCredentialsCsv", () => {
  it("writes a header and one CRLF line per account, with a BOM for Excel", () => {
    const csv = buildCredentialsCsv([{ login: "2000", name: "Agent 2000", password: "Ab3.defghijkmnop" }], headers);
    expect(csv).toBe("\uFEFFCode agent,Nom,Mot de passe\r\n2000,Agent 2000,Ab3.defghijkmnop\r\n");
  });

  it("quotes separators, quotes and line breaks so the columns stay aligned", () => {
    const csv = buildCredentialsCsv([{ login: "2001", name: 'Dupont; "Jo"\nB', password: "x;y,z" }], headers, ";");
    expect(csv.split("\r\n")[1]).toBe('2001;"Dupont; ""Jo""\nB";"x;y,z"');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = buildCredentialsCsv([{ login: "2002", name: '=HYPERLINK("http://x")', password: "@SUM(1)" }], headers);
    expect(csv.split("\r\n")[1]).toBe(`2002,"'=HYPERLINK(""http://x"")",'@SUM(1)`);
  });
});
