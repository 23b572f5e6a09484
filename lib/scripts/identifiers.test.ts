import { describe, expect, it } from "vitest";
import { columnTypeFor, IdentifierError, isValidColumnName, isValidTableName, qualifiedTable, quoteIdent, TABLE_NAME } from "./identifiers";

const hostile = [
  'x"; drop table users; --',
  "C_CLIENTS; DROP TABLE users",
  "a b",
  "1abc",
  "",
  "é",
  "x".repeat(64),
  'a"b',
  "a--b;",
  "pg_catalog.pg_user",
];

describe("SQL identifiers", () => {
  it("accepts the advised C_xxx names and 63 characters at most", () => {
    expect(isValidTableName("C_CLIENTS")).toBe(true);
    expect(isValidTableName("c_" + "x".repeat(61))).toBe(true);
    expect(isValidTableName("c_" + "x".repeat(62))).toBe(false);
  });

  it("refuses hostile names before any quoting", () => {
    for (const name of hostile) {
      expect(isValidTableName(name), name).toBe(false);
      expect(() => quoteIdent(name, TABLE_NAME), name).toThrow(IdentifierError);
    }
  });

  it("refuses system column names for objects", () => {
    expect(isValidColumnName("ID")).toBe(false);
    expect(isValidColumnName("contact_guid")).toBe(false);
    expect(isValidColumnName("NOM")).toBe(true);
  });

  it("quotes valid names (doubling quotes, were one ever allowed)", () => {
    expect(quoteIdent("NOM")).toBe('"NOM"');
    expect(quoteIdent('a"b', /^.+$/)).toBe('"a""b"');
    expect(qualifiedTable("db_sales", "C_CLIENTS")).toBe('"db_sales"."C_CLIENTS"');
  });

  it("maps object kinds to column types", () => {
    expect(columnTypeFor("input")).toBe("text");
    expect(columnTypeFor("checkbox")).toBe("boolean");
    expect(columnTypeFor("date")).toBe("date");
    expect(columnTypeFor("objectionList")).toBe("text[]");
    expect(columnTypeFor("multiList")).toBe("text[]");
    expect(columnTypeFor("button")).toBeNull();
    expect(columnTypeFor("label")).toBeNull();
  });
});
