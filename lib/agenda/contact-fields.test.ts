import { describe, expect, it } from "vitest";
import { contactProblem, dedupeKey, guessField, previewRows } from "./contact-fields";

describe("address-book contact fields", () => {
  it("recognises French and English headers", () => {
    expect(["Nom", "Prénom", "Société", "Code postal", "Courriel", "E-mail", "Zip", "Portable", "Ville"].map(guessField)).toEqual([
      "last_name",
      "first_name",
      "company",
      "postal_code",
      "email",
      "email",
      "postal_code",
      "mobile",
      "city",
    ]);
    expect(guessField("Colonne inconnue")).toBeNull();
  });

  it("the same contact whatever the case, accents or phone formatting", () => {
    expect(dedupeKey({ last_name: "Dupont", first_name: "Jérôme", email: "J@X.test", phone: "01 23 45 67 89" })).toBe(
      dedupeKey({ last_name: "DUPONT", first_name: "jerome", email: "j@x.test", phone: "0123456789" }),
    );
    expect(dedupeKey({ last_name: "Dupont", first_name: "Jean" })).not.toBe(dedupeKey({ last_name: "Dupont", first_name: "Anne" }));
  });

  it("names what is wrong with a line", () => {
    expect(contactProblem({ first_name: "Jean" })).toBe("missingName");
    expect(contactProblem({ last_name: "A", email: "pas-un-email" })).toBe("badEmail");
    expect(contactProblem({ last_name: "A".repeat(501) })).toBe("tooLong");
    expect(contactProblem({ last_name: "A\u0007" })).toBe("controlChar");
    expect(contactProblem({ last_name: "Dupont", email: "a@b.test" })).toBeNull();
  });

  it("previews the first lines of a semicolon file with quotes", () => {
    expect(previewRows('\uFEFFNom;Notes\r\nDupont;"a; b"\r\n')).toEqual([
      ["Nom", "Notes"],
      ["Dupont", "a; b"],
    ]);
  });
});
