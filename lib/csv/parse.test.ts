import { describe, expect, it } from "vitest";
import { csvRecords, decodeUtf8, sniffDelimiter } from "./parse";

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

describe("CSV reader: what spreadsheets write", () => {
  it("ignores a byte order mark and reads CRLF files without a final line break", () => {
    expect(read("\uFEFFmot;note\r\nvol;1", ";")).toEqual([
      { line: 1, fields: ["mot", "note"] },
      { line: 2, fields: ["vol", "1"] },
    ]);
  });

  it("keeps line breaks inside quoted fields as typed and numbers the following lines by what an editor shows", () => {
    const records = read('"first\nsecond";a\r\n"crlf\r\ninside\r\nthree";b\r\n"cr\ronly";c\r\nafter;d\r\n', ";");
    expect(records.map((r) => r.fields[0])).toEqual(["first\nsecond", "crlf\r\ninside\r\nthree", "cr\ronly", "after"]);
    expect(records.map((r) => r.line)).toEqual([1, 3, 6, 8]);
  });

  it("refuses only the record with a bad quote: the records after it keep their content and lines", () => {
    const records = read('ok,1\n"a"b,2\n"multi\nline",3\nlast,4\n');
    expect(records.map((r) => [r.line, r.fields[0], r.error])).toEqual([
      [1, "ok", undefined],
      [2, '"a"b', "badQuote"],
      [3, "multi\nline", undefined],
      [5, "last", undefined],
    ]);
  });

  it("accepts quotes that only look odd: an empty quoted field, doubled quotes at the edges, a quote opened in a later field", () => {
    expect(read('"",x\n"""quoted""",y\nplain,"in ""b"""\n')).toEqual([
      { line: 1, fields: ["", "x"] },
      { line: 2, fields: ['"quoted"', "y"] },
      { line: 3, fields: ["plain", 'in "b"'] },
    ]);
  });

  it("reports a quote opened in a later field and never closed, with the line it starts on", () => {
    const records = read('a;1\nb;"open\nc;3\n', ";");
    expect(records[0]).toEqual({ line: 1, fields: ["a", "1"] });
    expect(records[1]).toMatchObject({ line: 2, error: "unclosedQuote", fields: ["b", '"open\nc', "3\n"] });
    expect(records).toHaveLength(2);
  });

  it("reads tab-separated files", () => {
    expect(read('mot\tnote\n"a\tb"\tc\n', "\t").map((r) => r.fields)).toEqual([
      ["mot", "note"],
      ["a\tb", "c"],
    ]);
  });
});

describe("decodeUtf8", () => {
  it("drops the BOM and refuses bytes that are not UTF-8", () => {
    expect(decodeUtf8(new TextEncoder().encode("\uFEFFépée"))).toBe("épée");
    expect(decodeUtf8(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeNull();
  });
});
