// The fields of an address book's contacts, the header names recognised for each when a file is
// mapped, and the line rules of an import. Pure: the import form's preview uses it in the browser.

export const CONTACT_FIELDS = [
  "civility",
  "last_name",
  "first_name",
  "company",
  "position",
  "phone",
  "mobile",
  "email",
  "pro_email",
  "address",
  "postal_code",
  "city",
  "country",
  "notes",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type Contact = Record<ContactField, string> & { id: number };

export const MAX_FIELD_CHARS = 500;

const normal = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s_.-]+/g, " ")
    .trim();

/** What makes two contacts the same one: names, email and phone digits, normalised. */
export function dedupeKey(c: Partial<Record<ContactField, string>>): string {
  return [c.last_name, c.first_name, c.email || c.pro_email, (c.mobile || c.phone || "").replace(/[^\d+]/g, "")]
    .map((v) => normal(v ?? ""))
    .join("|");
}

// Header names (normalised) read as each field, French and English spreadsheet habits.
const HEADERS: Record<ContactField, string[]> = {
  civility: ["civilite", "civility", "title", "titre"],
  last_name: ["nom", "last name", "lastname", "surname", "nom de famille", "name"],
  first_name: ["prenom", "first name", "firstname", "given name"],
  company: ["societe", "entreprise", "company", "organisation", "organization", "raison sociale"],
  position: ["fonction", "poste", "position", "job title", "job"],
  phone: ["telephone", "tel", "phone", "telephone fixe", "fixe"],
  mobile: ["mobile", "portable", "cell", "gsm", "telephone mobile"],
  email: ["email", "e mail", "mail", "courriel", "email personnel"],
  pro_email: ["email professionnel", "email pro", "work email", "business email"],
  address: ["adresse", "address", "rue", "street"],
  postal_code: ["code postal", "cp", "postal code", "zip", "zip code", "postcode"],
  city: ["ville", "city", "commune", "localite"],
  country: ["pays", "country"],
  notes: ["notes", "note", "commentaire", "commentaires", "comments", "remarques"],
};

/** The field a file column's header names, or null. */
export function guessField(header: string): ContactField | null {
  const h = normal(header);
  for (const f of CONTACT_FIELDS) if (h === normal(f) || HEADERS[f].includes(h)) return f;
  return null;
}

export type ContactProblem = "missingName" | "tooLong" | "badEmail" | "controlChar";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactProblem(c: Partial<Record<ContactField, string>>): ContactProblem | null {
  if (!c.last_name) return "missingName";
  for (const f of CONTACT_FIELDS) {
    const v = c[f] ?? "";
    if (v.length > MAX_FIELD_CHARS) return "tooLong";
    if (f !== "notes" && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) return "controlChar";
  }
  if ((c.email && !EMAIL.test(c.email)) || (c.pro_email && !EMAIL.test(c.pro_email))) return "badEmail";
  return null;
}

// 50 MB in decimal; the route refuses larger bodies before reading them (with the limit).
export const MAX_CONTACT_IMPORT_BYTES = 50_000_000;

/**
 * The first lines of a file for the mapping preview, read in the browser from its first bytes:
 * a small quote-aware split (the server parses the whole file with lib/csv).
 */
export function previewRows(text: string, max = 6): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  const delimiter = counts[0][1] > 1 ? counts[0][0] : ",";
  return lines.slice(0, max).map((line) => {
    const out: string[] = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '"') {
        if (quoted && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = !quoted;
      } else if (ch === delimiter && !quoted) {
        out.push(cur.trim());
        cur = "";
      } else cur += ch;
    }
    out.push(cur.trim());
    return out;
  });
}
