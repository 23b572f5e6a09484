import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES, parseKeywordFile, parseKeywordText } from "./parse";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("keyword file parsing", () => {
  it("reads a txt file with a BOM, CRLF, blank lines and a final line break", () => {
    const parsed = parseKeywordFile("mots.txt", utf8("\uFEFFarnaque\r\n\r\n  Escroquerie  \r\n   \r\nvol\r\n"));
    expect(parsed).toMatchObject({ format: "txt", header: false, blankLines: 2 });
    if ("problem" in parsed) throw new Error("unexpected");
    expect(parsed.lines.map((l) => [l.line, l.word, l.normalized])).toEqual([
      [1, "arnaque", "arnaque"],
      [3, "Escroquerie", "escroquerie"],
      [5, "vol", "vol"],
    ]);
  });

  it("marks duplicates inside the file with the line of the first occurrence, ignoring case and accents", () => {
    const { lines } = parseKeywordText("Épée\nfoo\nepee\nEPEE\n", "txt");
    expect(lines.map((l) => l.duplicateOf)).toEqual([undefined, undefined, 1, 1]);
    expect(lines[2].word).toBe("epee");
  });

  it("refuses lines over 100 characters and lines with control characters, by line number", () => {
    const { lines } = parseKeywordText(`ok\n${"x".repeat(101)}\nbad\u0001word\n`, "txt");
    expect(lines.map((l) => [l.line, l.problem])).toEqual([
      [1, undefined],
      [2, "tooLong"],
      [3, "controlChar"],
    ]);
    expect(lines[1].word.length).toBeLessThan(70);
  });

  it("takes the first column of a CSV file and skips a recognised header", () => {
    const csv = '\uFEFFMot-clé;catégorie\r\n"arnaque";fraude\r\n"prix ""cassé""";promo\r\n\r\nvol;\r\n';
    const parsed = parseKeywordText(csv, "csv");
    expect(parsed.header).toBe(true);
    expect(parsed.lines.map((l) => [l.line, l.word])).toEqual([
      [2, "arnaque"],
      [3, 'prix "cassé"'],
      [5, "vol"],
    ]);
    expect(parsed.blankLines).toBe(1);
  });

  it("does not take an ordinary first keyword for a header", () => {
    const parsed = parseKeywordText("arnaque,1\nvol,2\n", "csv");
    expect(parsed.header).toBe(false);
    expect(parsed.lines.map((l) => l.word)).toEqual(["arnaque", "vol"]);
  });

  it("keeps a comma inside a quoted CSV field and refuses a malformed quote", () => {
    const { lines } = parseKeywordText('"escroc, voleur",x\n"bad"quote,y\n', "csv");
    expect(lines[0]).toMatchObject({ line: 1, word: "escroc, voleur" });
    expect(lines[1]).toMatchObject({ line: 2, problem: "badQuote" });
  });

  it("refuses files it cannot read at all", () => {
    expect(parseKeywordFile("mots.xlsx", utf8("x"))).toEqual({ problem: "unsupportedType" });
    expect(parseKeywordFile("mots.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ problem: "notUtf8" });
    expect(parseKeywordFile("mots.txt", utf8("\n  \r\n"))).toEqual({ problem: "noWords" });
    expect(parseKeywordFile("mots.csv", new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({ problem: "tooLarge" });
  });

  it("reads a file without extension as text", () => {
    expect(parseKeywordFile("mots", utf8("a,b"))).toMatchObject({ format: "txt", lines: [{ word: "a,b" }] });
  });
});
