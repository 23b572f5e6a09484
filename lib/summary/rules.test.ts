import { describe, expect, it } from "vitest";
import type { ScheduleDay } from "@/db/schema/calendars";
import { createTranslator, getMessages } from "@/lib/i18n/translate";
import { computeSummary, worstLight } from "./rules";
import { describeElement } from "./describe";
import type { CampaignSnapshot, SummaryElement } from "./types";

const closed: ScheduleDay = { open1: "", close1: "", open2: "", close2: "" };
const office: ScheduleDay = { open1: "09:00", close1: "12:00", open2: "14:00", close2: "18:00" };

/** A Twitter campaign with everything in place: every light green. */
function complete(): CampaignSnapshot {
  return {
    id: 7,
    name: "Soldes",
    type: "twitter",
    state: "stopped",
    platform: { id: 1, name: "Simulateur" },
    credentials: { apiKey: true, apiSecret: true, accessToken: true, accessSecret: true, bearerToken: true },
    credentialsUnreadable: false,
    lastNetworkError: null,
    searchQuery: "relais -is:retweet",
    queue: { id: 3, code: "SOCIAL", archived: false },
    script: { id: 5, name: "Accueil", archived: false, latestProduction: { id: 51, number: 2 } },
    scriptVersion: { id: 51, number: 2, kind: "production", scriptId: 5 },
    customerFile: {
      schemaName: "clients",
      tableName: "C_SOLDES",
      tableColumns: ["id", "contact_guid", "NOM"],
      mappedColumns: ["NOM"],
      unmappedObjects: [],
    },
    scriptAgendaUse: [],
    agendaConfigured: false,
    qualificationGroup: { id: 4, name: "Ventes", archived: false, statuses: 3, positive: 1 },
    schedule: { id: 8, name: "Bureau", archived: false, days: [office, office, office, office, office, closed, closed] },
    holidayGroup: { id: 9, name: "France", archived: false, holidays: 11 },
    distributionGroup: { id: 10, name: "Langues", archived: false, rules: 2 },
    blacklists: [{ id: 11, name: "Injures", archived: false }],
    predefinedResponses: 4,
    requiredSkills: [{ skillId: 12, name: "Français", minLevel: 3 }],
    eligibleAgents: 5,
  };
}

const seen: SummaryElement[] = [];

function light(snapshot: CampaignSnapshot, key: string): SummaryElement {
  const summary = computeSummary(snapshot);
  seen.push(...summary.elements);
  const found = summary.elements.find((e) => e.element === key);
  if (!found) throw new Error(`no element ${key}`);
  return found;
}

function variant(change: (s: CampaignSnapshot) => void): CampaignSnapshot {
  const s = complete();
  change(s);
  return s;
}

describe("campaign summary rules", () => {
  it("a complete campaign is green everywhere, one element per part of the configuration", () => {
    const summary = computeSummary(complete());
    seen.push(...summary.elements);
    expect(summary.overall).toBe("green");
    expect(summary.elements.map((e) => e.element)).toEqual([
      "general",
      "search",
      "sources",
      "replies",
      "queue",
      "schedule",
      "holidays",
      "distribution",
      "predefinedResponses",
      "blacklists",
      "script",
      "customerFile",
      "qualifications",
      "agenda",
      "skills",
    ]);
    expect(summary.elements.every((e) => e.light === "green")).toBe(true);
    expect(summary.elements.find((e) => e.element === "general")?.fix).toBe("/admin/campaigns/7?tab=general");
  });

  it("the overall light is the worst one", () => {
    expect(worstLight([])).toBe("green");
    expect(worstLight(["green", "orange", "green"])).toBe("orange");
    expect(worstLight(["orange", "red", "green"])).toBe("red");
    expect(computeSummary(variant((s) => (s.predefinedResponses = 0))).overall).toBe("orange");
    expect(
      computeSummary(
        variant((s) => {
          s.predefinedResponses = 0;
          s.queue = null;
        }),
      ).overall,
    ).toBe("red");
  });

  describe("general", () => {
    it("is red without a name, a platform, or credentials", () => {
      expect(
        light(
          variant((s) => (s.name = "  ")),
          "general",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.general.noName" });
      expect(
        light(
          variant((s) => (s.platform = null)),
          "general",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.general.noPlatform" });
      expect(
        light(
          variant((s) => (s.credentials = null)),
          "general",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.general.noCredentials" });
      expect(
        light(
          variant((s) => {
            s.credentials = null;
            s.credentialsUnreadable = true;
          }),
          "general",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.general.credentialsUnreadable" });
    });

    it("is red when a Twitter credential is missing, naming it", () => {
      const e = light(
        variant((s) => (s.credentials = { apiKey: true, apiSecret: true, accessToken: true, accessSecret: true, bearerToken: false })),
        "general",
      );
      expect(e).toMatchObject({
        light: "red",
        reason: "summary.reasons.general.missingCredentials",
        params: { fields: "bearerToken", count: 1 },
      });
      const t = createTranslator(getMessages("fr"));
      expect(describeElement(t, e)).toBe("Configuration de l'application incomplète : jeton d'application (bearer)");
    });

    it("checks the Facebook fields for a Facebook campaign", () => {
      const fb = variant((s) => {
        s.type = "facebook";
        s.credentials = { appId: true, appSecret: true, pageAccessToken: true, pageId: false };
      });
      expect(light(fb, "general")).toMatchObject({ light: "red", params: { fields: "pageId" } });
      fb.credentials = { appId: true, appSecret: true, pageAccessToken: true, pageId: true };
      expect(light(fb, "general").light).toBe("green");
      // Twitter keys do not make a Facebook campaign complete.
      expect(
        light(
          variant((s) => (s.type = "facebook")),
          "general",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.general.noCredentials" });
    });

    it("is orange when the last exchange with the network failed", () => {
      expect(
        light(
          variant((s) => (s.lastNetworkError = "X search failed (401: Unauthorized)")),
          "general",
        ),
      ).toMatchObject({
        light: "orange",
        reason: "summary.reasons.general.connectionFailing",
        params: { error: "X search failed (401: Unauthorized)" },
      });
    });
  });

  describe("keyword search (Twitter only)", () => {
    it("is red when empty or not valid X syntax, green otherwise", () => {
      expect(
        light(
          variant((s) => (s.searchQuery = " ")),
          "search",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.search.empty", fix: "/admin/campaigns/7?tab=reception" });
      const invalid = light(
        variant((s) => (s.searchQuery = "relais (promo")),
        "search",
      );
      expect(invalid).toMatchObject({ light: "red", reason: "summary.reasons.search.invalid" });
      expect(invalid.params?.error).toBeTruthy();
      expect(light(complete(), "search")).toMatchObject({ light: "green", params: { query: "relais -is:retweet" } });
    });

    it("does not apply to Facebook campaigns", () => {
      const summary = computeSummary(
        variant((s) => {
          s.type = "facebook";
          s.searchQuery = "";
        }),
      );
      expect(summary.elements.some((e) => e.element === "search")).toBe(false);
    });
  });

  it("sources: a refused token is red (renew it), a failing source or a reached budget orange", () => {
    const withSources = (sources: CampaignSnapshot["sources"]) => variant((s) => (s.sources = sources));
    expect(light(withSources([]), "sources")).toMatchObject({ light: "green", reason: "summary.reasons.sources.notPolled" });
    expect(light(withSources([{ kind: "x_search", errorKind: null, error: null }]), "sources")).toMatchObject({
      light: "green",
      params: { count: 1 },
    });
    const ok = { kind: "x_search", errorKind: null, error: null };
    expect(
      light(withSources([ok, { kind: "x_dms", errorKind: "unauthorized", error: "X DM read failed (401: Unauthorized)" }]), "sources"),
    ).toMatchObject({ light: "red", reason: "summary.reasons.sources.tokenRefused", params: { sources: "x_dms" } });
    expect(light(withSources([ok, { kind: "x_mentions", errorKind: "rate_limited", error: "429" }]), "sources")).toMatchObject({
      light: "orange",
      reason: "summary.reasons.sources.failing",
    });
    expect(light(withSources([{ kind: "x_search", errorKind: "budget", error: "budget" }]), "sources")).toMatchObject({
      light: "orange",
      reason: "summary.reasons.sources.budgetReached",
      fix: "/admin/campaigns/7?tab=reception",
    });
  });

  it("queue: red when missing or archived", () => {
    expect(
      light(
        variant((s) => (s.queue = null)),
        "queue",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.queue.none" });
    expect(
      light(
        variant((s) => (s.queue = { id: 3, code: "OLD", archived: true })),
        "queue",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.queue.archived", params: { code: "OLD" } });
    expect(light(complete(), "queue")).toMatchObject({ light: "green", params: { code: "SOCIAL" } });
  });

  it("schedule: none is green (always open); archived or without any open slot is red", () => {
    expect(
      light(
        variant((s) => (s.schedule = null)),
        "schedule",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.schedule.alwaysOpen" });
    expect(
      light(
        variant((s) => (s.schedule!.archived = true)),
        "schedule",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.schedule.archived" });
    const shut = light(
      variant(
        (s) =>
          (s.schedule!.days = [closed, closed, closed, closed, closed, closed, { open1: "10:00", close1: "10:00", open2: "", close2: "" }]),
      ),
      "schedule",
    );
    expect(shut).toMatchObject({ light: "red", reason: "summary.reasons.schedule.noOpenSlot", fix: "/admin/schedules/8" });
    expect(
      light(
        variant((s) => (s.schedule!.days = [closed, closed, closed, closed, closed, closed, office])),
        "schedule",
      ).light,
    ).toBe("green");
  });

  it("holidays: none is green, archived group is red", () => {
    expect(
      light(
        variant((s) => (s.holidayGroup = null)),
        "holidays",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.holidays.none" });
    expect(
      light(
        variant((s) => (s.holidayGroup!.archived = true)),
        "holidays",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.holidays.archived" });
    expect(light(complete(), "holidays")).toMatchObject({ light: "green", params: { name: "France", count: 11 } });
  });

  it("distribution rules: none is green, an empty group orange, an archived group red", () => {
    expect(
      light(
        variant((s) => (s.distributionGroup = null)),
        "distribution",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.distribution.none" });
    expect(
      light(
        variant((s) => (s.distributionGroup!.rules = 0)),
        "distribution",
      ),
    ).toMatchObject({ light: "orange", reason: "summary.reasons.distribution.empty", fix: "/admin/distribution-rules/10" });
    expect(
      light(
        variant((s) => (s.distributionGroup!.archived = true)),
        "distribution",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.distribution.archived" });
  });

  it("predefined responses: none is orange", () => {
    expect(
      light(
        variant((s) => (s.predefinedResponses = 0)),
        "predefinedResponses",
      ),
    ).toMatchObject({ light: "orange", reason: "summary.reasons.predefinedResponses.none" });
    expect(light(complete(), "predefinedResponses")).toMatchObject({ light: "green", params: { count: 4 } });
  });

  it("blacklists: none is green (optional), an archived one is orange", () => {
    expect(
      light(
        variant((s) => (s.blacklists = [])),
        "blacklists",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.blacklists.none" });
    const e = light(
      variant((s) => s.blacklists.push({ id: 12, name: "Concurrents", archived: true })),
      "blacklists",
    );
    expect(e).toMatchObject({ light: "orange", reason: "summary.reasons.blacklists.archived", params: { names: "Concurrents" } });
  });

  describe("script", () => {
    it("is red without a script, archived, without production version, or with a version not picked", () => {
      expect(
        light(
          variant((s) => {
            s.script = null;
            s.scriptVersion = null;
          }),
          "script",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.script.none" });
      expect(
        light(
          variant((s) => (s.script!.archived = true)),
          "script",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.script.archived" });
      expect(
        light(
          variant((s) => {
            s.script!.latestProduction = null;
            s.scriptVersion = null;
          }),
          "script",
        ),
      ).toMatchObject({
        light: "red",
        reason: "summary.reasons.script.noProduction",
        fix: "/designer/scripts/5/generate",
      });
      expect(
        light(
          variant((s) => (s.scriptVersion = null)),
          "script",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.script.noVersion" });
    });

    it("is red when the picked version is a development one or another script's", () => {
      expect(
        light(
          variant((s) => (s.scriptVersion!.kind = "development")),
          "script",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.script.notProduction" });
      expect(
        light(
          variant((s) => (s.scriptVersion!.scriptId = 99)),
          "script",
        ),
      ).toMatchObject({ light: "red", reason: "summary.reasons.script.notProduction" });
    });

    it("is orange when a newer production version exists than the one picked", () => {
      const e = light(
        variant((s) => (s.script!.latestProduction = { id: 60, number: 3 })),
        "script",
      );
      expect(e).toMatchObject({ light: "orange", reason: "summary.reasons.script.newerVersion", params: { picked: 2, latest: 3 } });
      expect(light(complete(), "script")).toMatchObject({ light: "green", params: { name: "Accueil", number: 2 } });
    });
  });

  describe("customer file", () => {
    it("is green «not used» when the version has none", () => {
      expect(
        light(
          variant((s) => (s.customerFile = null)),
          "customerFile",
        ),
      ).toMatchObject({ light: "green", reason: "summary.reasons.customerFile.notUsed" });
    });

    it("is red when its table is missing or lacks a mapped column", () => {
      expect(
        light(
          variant((s) => (s.customerFile!.tableColumns = null)),
          "customerFile",
        ),
      ).toMatchObject({
        light: "red",
        reason: "summary.reasons.customerFile.tableMissing",
        params: { table: "clients.C_SOLDES" },
        fix: "/designer/scripts/5/customer-file",
      });
      expect(
        light(
          variant((s) => (s.customerFile!.mappedColumns = ["NOM", "VILLE"])),
          "customerFile",
        ),
      ).toMatchObject({ light: "red", params: { columns: "VILLE" } });
    });

    it("is orange when script objects are not connected", () => {
      expect(
        light(
          variant((s) => (s.customerFile!.unmappedObjects = ["EMAIL"])),
          "customerFile",
        ),
      ).toMatchObject({ light: "orange", params: { objects: "EMAIL" } });
    });
  });

  it("qualifications: red without group, archived or without status; orange without a Positive status", () => {
    expect(
      light(
        variant((s) => (s.qualificationGroup = null)),
        "qualifications",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.qualifications.none" });
    expect(
      light(
        variant((s) => (s.qualificationGroup!.archived = true)),
        "qualifications",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.qualifications.archived" });
    expect(
      light(
        variant((s) => {
          s.qualificationGroup!.statuses = 0;
          s.qualificationGroup!.positive = 0;
        }),
        "qualifications",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.qualifications.noStatus" });
    expect(
      light(
        variant((s) => (s.qualificationGroup!.positive = 0)),
        "qualifications",
      ),
    ).toMatchObject({ light: "orange", reason: "summary.reasons.qualifications.noPositive", fix: "/admin/qualifications/4" });
  });

  it("agenda: green, not used yet", () => {
    expect(light(complete(), "agenda")).toMatchObject({ light: "green", reason: "summary.reasons.agenda.notUsed" });
  });

  it("agenda: orange with the reason when the script books appointments and no agenda is set; the campaign can still start", () => {
    const booking = variant((s) => (s.scriptAgendaUse = ["RDV", "Prendre RDV"]));
    expect(light(booking, "agenda")).toEqual({
      element: "agenda",
      light: "orange",
      reason: "summary.reasons.agenda.scriptBooksNoAgenda",
      params: { name: "Accueil", uses: "RDV, Prendre RDV" },
      fix: "/admin/campaigns/7?tab=relation",
    });
    // Orange, not red: message handling does not depend on the agenda.
    expect(computeSummary(booking).overall).toBe("orange");
    const t = createTranslator(getMessages("fr"));
    expect(describeElement(t, light(booking, "agenda"))).toBe(
      "Le script « Accueil » prend des rendez-vous (RDV, Prendre RDV) mais aucun agenda n'est configuré : carnet d'adresses et planning de commerciaux (étapes 13 à 15)",
    );
    expect(
      light(
        variant((s) => {
          s.scriptAgendaUse = ["RDV"];
          s.agendaConfigured = true;
        }),
        "agenda",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.agenda.ok" });
  });

  it("agenda: orange, naming the schedule, when nothing can be booked on it (no type, fully greyed, no active rep)", () => {
    const on = (facts: { activeReps: number; types: number; availableQuarters: number }) =>
      light(
        variant((s) => {
          s.scriptAgendaUse = ["RDV"];
          s.agendaConfigured = true;
          s.agendaSchedule = { id: 3, name: "Commerciaux IDF", ...facts };
        }),
        "agenda",
      );
    expect(on({ activeReps: 2, types: 0, availableQuarters: 100 })).toMatchObject({
      light: "orange",
      reason: "summary.reasons.agenda.noType",
      fix: "/admin/sales-rep-schedules/3",
    });
    expect(on({ activeReps: 2, types: 1, availableQuarters: 0 })).toMatchObject({
      light: "orange",
      reason: "summary.reasons.agenda.fullyGreyed",
    });
    expect(on({ activeReps: 0, types: 1, availableQuarters: 100 })).toMatchObject({
      light: "orange",
      reason: "summary.reasons.agenda.noActiveRep",
      fix: "/admin/sales-reps",
    });
    expect(on({ activeReps: 1, types: 1, availableQuarters: 100 })).toMatchObject({ light: "green", reason: "summary.reasons.agenda.ok" });
    const t = createTranslator(getMessages("fr"));
    expect(describeElement(t, on({ activeReps: 0, types: 1, availableQuarters: 100 }))).toBe(
      "Aucun commercial actif sur le planning de commerciaux « Commerciaux IDF » : aucun rendez-vous possible",
    );
  });

  it("skills and agents: red when nobody can work the campaign, orange with a single agent", () => {
    expect(
      light(
        variant((s) => (s.eligibleAgents = 0)),
        "skills",
      ),
    ).toMatchObject({
      light: "red",
      reason: "summary.reasons.skills.noQualifiedAgent",
      params: { skills: "Français ≥ 3", count: 0 },
      fix: "/admin/campaigns/7?tab=skills",
    });
    expect(
      light(
        variant((s) => {
          s.requiredSkills = [];
          s.eligibleAgents = 0;
        }),
        "skills",
      ),
    ).toMatchObject({ light: "red", reason: "summary.reasons.skills.noAgent", fix: "/admin/agents" });
    expect(
      light(
        variant((s) => (s.eligibleAgents = 1)),
        "skills",
      ),
    ).toMatchObject({ light: "orange", reason: "summary.reasons.skills.fewAgents" });
    expect(
      light(
        variant((s) => (s.requiredSkills = [])),
        "skills",
      ),
    ).toMatchObject({ light: "green", reason: "summary.reasons.skills.okNoSkill", params: { count: 5 } });
  });

  it("mass messages (Facebook only): failed recipients of the last day, and a send that paused itself", () => {
    const facebook = (change: (s: CampaignSnapshot) => void = () => {}) =>
      variant((s) => {
        s.type = "facebook";
        change(s);
      });
    expect(computeSummary(complete()).elements.some((e) => e.element === "massMessages")).toBe(false);
    expect(light(facebook(), "massMessages")).toMatchObject({ light: "green", reason: "summary.reasons.massMessages.ok" });
    expect(
      light(
        facebook((s) => (s.massMessages = { failed: 3, reason: "outbox.reasons.personUnavailable", massMessageId: 12 })),
        "massMessages",
      ),
    ).toMatchObject({
      light: "orange",
      reason: "summary.reasons.massMessages.failing",
      params: { count: 3, reason: "outbox.reasons.personUnavailable" },
      fix: "/admin/campaigns/7/mass-message/12?status=failed",
    });
    // A paused send waits for an administrator: it comes first, with its own link.
    expect(
      light(
        facebook(
          (s) =>
            (s.massMessages = {
              failed: 3,
              reason: "outbox.reasons.personUnavailable",
              massMessageId: 12,
              pausedId: 14,
              pausedReason: "outbox.reasons.tokenExpired",
            }),
        ),
        "massMessages",
      ),
    ).toMatchObject({
      light: "orange",
      reason: "summary.reasons.massMessages.paused",
      params: { reason: "outbox.reasons.tokenExpired" },
      fix: "/admin/campaigns/7/mass-message/14",
    });
  });
});

// Runs last in this file: checks every element the tests above produced.
it("every reason is a message in French and English, with no placeholder left unfilled", () => {
  expect(seen.length).toBeGreaterThan(50);
  for (const locale of ["fr", "en"] as const) {
    const t = createTranslator(getMessages(locale));
    for (const e of seen) {
      const text = describeElement(t, e);
      expect(text, `${locale}: ${e.reason}`).not.toBe(e.reason);
      expect(text, `${locale}: ${e.reason}`).not.toMatch(/\{\w+\}/);
    }
  }
});
