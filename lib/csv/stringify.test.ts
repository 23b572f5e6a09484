import { describe, expect, it } from "vitest";
import { csvRecords } from "./parse";
import { neutraliseFormula, toCsv } from "./stringify";

describe("toCsv", () => {
  it("writes CRLF lines with a BOM, and without one when asked", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["1", "2"],
      ]),
    ).toBe("\uFEFFa,b\r\n1,2\r\n");
    expect(toCsv([["a", "b"]], { bom: false, delimiter: ";" })).toBe("a;b\r\n");
  });

  it("quotes the delimiter, quotes and every kind of line break, and nothing else", () => {
    const line = toCsv([["a;b", 'say "hi"', "two\nlines", "cr\ronly", "crlf\r\nx", "a,b", "plain"]], { bom: false, delimiter: ";" });
    expect(line).toBe('"a;b";"say ""hi""";"two\nlines";"cr\ronly";"crlf\r\nx";a,b;plain\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas, whatever their start", () => {
    const cells = ["=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "safe"];
    expect(cells.map(neutraliseFormula)).toEqual(["'=1+1", "'+33 6", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "safe"]);
    expect(toCsv([['=HYPERLINK("http://x")', "@me"]], { bom: false })).toBe(`"'=HYPERLINK(""http://x"")",'@me\r\n`);
  });

  it("reads back as written through the CSV reader", () => {
    const rows = [
      ["Code", "Nom", "Mot de passe"],
      ["2001", 'Dupont; "Jo"\nB', "x;y,z"],
      ["2002", "Épée", ""],
    ];
    const text = toCsv(rows, { delimiter: ";" });
    expect(csvRecords(text, ";").map((r) => r.fields)).toEqual(rows);
  });
});
