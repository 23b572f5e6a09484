import { describe, expect, it } from "vitest";
import { csvRecords, sniffDelimiter } from "./csv";

const read = (text: string, d = ",") => [...csvRecords(text, d)];

describe("CSV reader", () => {
  it("reads plain records with their line numbers, whatever the line breaks", () => {
    expect(read("a,1\r\nb,2\rc,3\nd")).toEqual([
      { line: 1, fields: ["a", "1"] },
      { line: 2, fields: ["b", "2"] },
      { line: 3, fields: ["c", "3"] },
      { line: 4, fields: ["d"] },
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks, and keeps counting lines", () => {
    const records = read('"a, b",x\n"say ""hi""",y\n"two\r\nlines",z\nlast\n');
    expect(records.map((r) => r.fields[0])).toEqual(["a, b", 'say "hi"', "two\r\nlines", "last"]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it("keeps a quote inside an unquoted field literally", () => {
    expect(read('l"abc",x')[0].fields).toEqual(['l"abc"', "x"]);
  });

  it("flags text after a closing quote and an unclosed quote", () => {
    const records = read('"ok"bad,x\nfine\n"never closed\nmore');
    expect(records[0]).toMatchObject({ line: 1, error: "badQuote" });
    expect(records[1]).toEqual({ line: 2, fields: ["fine"] });
    expect(records[2]).toMatchObject({ line: 3, error: "unclosedQuote" });
  });

  it("keeps empty lines and empty fields as records", () => {
    expect(read("a\n\n,b\n")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["", "b"] },
    ]);
  });

  it("guesses the delimiter from the first non-blank line, ignoring quoted text", () => {
    expect(sniffDelimiter("\nmot;catégorie\nx;y")).toBe(";");
    expect(sniffDelimiter("mot\tcat")).toBe("\t");
    expect(sniffDelimiter('"a;b;c",d')).toBe(",");
    expect(sniffDelimiter("single")).toBe(",");
  });
});
