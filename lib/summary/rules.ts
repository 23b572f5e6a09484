// The campaign summary («Résumé de la Campagne», step 18): one light per element of a campaign.
// Green: configured. Orange: the campaign can run, not at full capacity. Red: it cannot run.
// Pure: everything it reads is in the snapshot, so every rule is unit-tested without a database.
import { daySlots } from "@/lib/calendars/hours";
import { parseQuery } from "@/lib/networks/twitter/query";
import { fixLinks } from "./links";
import {
  requiredCredentials,
  type CampaignSnapshot,
  type CampaignSummary,
  type Light,
  type SummaryElement,
  type SummaryElementKey,
} from "./types";

export type { CampaignSnapshot, CampaignSummary, Light, SummaryElement };

const rank: Record<Light, number> = { green: 0, orange: 1, red: 2 };

export function worstLight(lights: Iterable<Light>): Light {
  let worst: Light = "green";
  for (const l of lights) if (rank[l] > rank[worst]) worst = l;
  return worst;
}

type Params = Record<string, string | number>;

function element(key: SummaryElementKey, light: Light, reason: string, fix: string, params?: Params): SummaryElement {
  return { element: key, light, reason: `summary.reasons.${key}.${reason}`, ...(params ? { params } : {}), fix };
}

const tab = (s: CampaignSnapshot, t: Parameters<typeof fixLinks.campaignTab>[1]) => fixLinks.campaignTab(s.id, t);

/**
 * A failing last contact with the network is orange, not red: it is often transient (rate limit,
 * network down), and red would stop a running campaign, whose polling then never retries.
 * Missing or unreadable credentials are red: nothing can work without them.
 */
function general(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "general");
  if (!s.name.trim()) return element("general", "red", "noName", fix);
  if (!s.platform) return element("general", "red", "noPlatform", fix);
  if (s.credentialsUnreadable) return element("general", "red", "credentialsUnreadable", fix);
  const missing = requiredCredentials[s.type].filter((f) => !s.credentials?.[f]);
  if (missing.length === requiredCredentials[s.type].length) return element("general", "red", "noCredentials", fix);
  if (missing.length) return element("general", "red", "missingCredentials", fix, { fields: missing.join(", "), count: missing.length });
  if (s.lastNetworkError) return element("general", "orange", "connectionFailing", fix, { error: s.lastNetworkError });
  return element("general", "green", "ok", fix, { platform: s.platform.name });
}

function search(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  const query = s.searchQuery.trim();
  if (!query) return element("search", "red", "empty", fix);
  const parsed = parseQuery(query);
  if (!parsed.ok) return element("search", "red", "invalid", fix, { error: parsed.error, position: parsed.position + 1 });
  return element("search", "green", "ok", fix, { query });
}

/**
 * Each source of the campaign (X search, mentions, DMs; Messenger, comments) is polled on its
 * own: a refused token is red (nothing can be read until someone renews it, and the campaign
 * stops), a source failing for another reason or stopped by the read budget is orange.
 */
function sources(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "general");
  const list = s.sources ?? [];
  const label = (kinds: string[]) => kinds.join(", ");
  // 403 (the app lacks a permission, e.g. DM access) stops only that source: orange below.
  const refused = list.filter((x) => x.errorKind === "unauthorized");
  if (refused.length)
    return element("sources", "red", "tokenRefused", fix, { sources: label(refused.map((x) => x.kind)), error: refused[0].error ?? "" });
  const budget = list.filter((x) => x.errorKind === "budget");
  if (budget.length)
    return element("sources", "orange", "budgetReached", tab(s, "reception"), { sources: label(budget.map((x) => x.kind)) });
  const failing = list.filter((x) => x.errorKind);
  if (failing.length)
    return element("sources", "orange", "failing", fix, { sources: label(failing.map((x) => x.kind)), error: failing[0].error ?? "" });
  if (list.length === 0) return element("sources", "green", "notPolled", fix);
  return element("sources", "green", "ok", fix, { count: list.length });
}

/**
 * Replies the network refused or that could not be delivered: the agents see each on its reply;
 * the administrator sees here that some failed in the last day, and the latest reason (a token
 * to renew, a rate limit…). Orange: the campaign runs, its answers do not all go out.
 */
function replies(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "general");
  const failed = s.replies?.failed ?? 0;
  if (failed > 0) return element("replies", "orange", "failing", fix, { count: failed, reason: s.replies?.reason ?? "" });
  return element("replies", "green", "ok", fix);
}

/**
 * Facebook mass messages: recipients the network refused or that could not be delivered (an
 * expired token, retries used up) are reported failed on the send's progress page; here the
 * administrator sees that some failed in the last day and why. Orange: the campaign runs.
 */
function massMessageSends(s: CampaignSnapshot): SummaryElement {
  const m = s.massMessages;
  if (m?.pausedId !== undefined)
    return element("massMessages", "orange", "paused", fixLinks.massMessageSend(s.id, m.pausedId), { reason: m.pausedReason ?? "" });
  if (m && m.failed > 0)
    return element("massMessages", "orange", "failing", fixLinks.massMessage(s.id, m.massMessageId), {
      count: m.failed,
      reason: m.reason ?? "",
    });
  return element("massMessages", "green", "ok", tab(s, "general"));
}

function queue(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  if (!s.queue) return element("queue", "red", "none", fix);
  if (s.queue.archived) return element("queue", "red", "archived", fix, { code: s.queue.code });
  return element("queue", "green", "ok", fix, { code: s.queue.code });
}

function schedule(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  const sc = s.schedule;
  if (!sc) return element("schedule", "green", "alwaysOpen", fix);
  if (sc.archived) return element("schedule", "red", "archived", fix, { name: sc.name });
  if (!sc.days.some((d) => daySlots(d).length > 0))
    return element("schedule", "red", "noOpenSlot", fixLinks.schedule(sc.id), { name: sc.name });
  return element("schedule", "green", "ok", fix, { name: sc.name });
}

function holidays(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  const g = s.holidayGroup;
  if (!g) return element("holidays", "green", "none", fix);
  if (g.archived) return element("holidays", "red", "archived", fix, { name: g.name });
  return element("holidays", "green", "ok", fix, { name: g.name, count: g.holidays });
}

/**
 * Without rules messages still reach every agent with the campaign's skills: an empty group only
 * loses the preferences the admin meant to set (orange). An archived group was withdrawn on
 * purpose and routing would ignore it silently, so it must be replaced first (red).
 */
function distribution(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  const g = s.distributionGroup;
  if (!g) return element("distribution", "green", "none", fix);
  if (g.archived) return element("distribution", "red", "archived", fix, { name: g.name });
  if (g.rules === 0) return element("distribution", "orange", "empty", fixLinks.distributionGroup(g.id), { name: g.name });
  return element("distribution", "green", "ok", fix, { name: g.name, count: g.rules });
}

function predefinedResponses(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  if (s.predefinedResponses === 0) return element("predefinedResponses", "orange", "none", fix);
  return element("predefinedResponses", "green", "ok", fix, { count: s.predefinedResponses });
}

function blacklists(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "reception");
  if (s.blacklists.length === 0) return element("blacklists", "green", "none", fix);
  const archived = s.blacklists.filter((b) => b.archived);
  if (archived.length)
    return element("blacklists", "orange", "archived", fix, { names: archived.map((b) => b.name).join(", "), count: archived.length });
  return element("blacklists", "green", "ok", fix, { count: s.blacklists.length });
}

function script(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "relation");
  const sc = s.script;
  if (!sc) return element("script", "red", "none", fix);
  if (sc.archived) return element("script", "red", "archived", fix, { name: sc.name });
  if (!sc.latestProduction) return element("script", "red", "noProduction", fixLinks.scriptGenerate(sc.id), { name: sc.name });
  const v = s.scriptVersion;
  if (!v) return element("script", "red", "noVersion", fix, { name: sc.name });
  if (v.scriptId !== sc.id || v.kind !== "production") return element("script", "red", "notProduction", fix, { name: sc.name });
  if (sc.latestProduction.number > v.number) {
    return element("script", "orange", "newerVersion", fix, { name: sc.name, picked: v.number, latest: sc.latestProduction.number });
  }
  return element("script", "green", "ok", fix, { name: sc.name, number: v.number });
}

function customerFile(s: CampaignSnapshot): SummaryElement {
  const f = s.customerFile;
  if (!f || !s.script || !s.scriptVersion) return element("customerFile", "green", "notUsed", tab(s, "relation"));
  const fix = fixLinks.customerFile(s.script.id);
  const table = `${f.schemaName}.${f.tableName}`;
  if (!f.tableColumns) return element("customerFile", "red", "tableMissing", fix, { table });
  const present = new Set(f.tableColumns);
  const missing = f.mappedColumns.filter((c) => !present.has(c));
  if (missing.length) return element("customerFile", "red", "columnsMissing", fix, { table, columns: missing.join(", ") });
  if (f.unmappedObjects.length) return element("customerFile", "orange", "unmapped", fix, { table, objects: f.unmappedObjects.join(", ") });
  return element("customerFile", "green", "ok", fix, { table });
}

function qualifications(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "relation");
  const g = s.qualificationGroup;
  if (!g) return element("qualifications", "red", "none", fix);
  if (g.archived) return element("qualifications", "red", "archived", fix, { name: g.name });
  if (g.statuses === 0) return element("qualifications", "red", "noStatus", fixLinks.qualificationGroup(g.id), { name: g.name });
  // Without a Positive status the conversion rate of the campaign is always 0.
  if (g.positive === 0) return element("qualifications", "orange", "noPositive", fixLinks.qualificationGroup(g.id), { name: g.name });
  return element("qualifications", "green", "ok", fix, { name: g.name, count: g.statuses });
}

/**
 * Orange, not red, when the script books appointments without an agenda: the manual keeps red
 * for "the campaign cannot start", and without an agenda the campaign still receives, routes and
 * answers every message — only the booking fails. Red would also stop a running campaign (and
 * all its message handling) for want of an optional feature.
 */
function agenda(s: CampaignSnapshot): SummaryElement {
  const fix = tab(s, "relation");
  // A schedule on which nothing can be booked is worth knowing about even before the script books.
  const sched = s.agendaSchedule;
  if (sched) {
    const at = fixLinks.salesRepSchedule(sched.id);
    if (sched.types === 0) return element("agenda", "orange", "noType", at, { name: sched.name });
    if (sched.availableQuarters === 0) return element("agenda", "orange", "fullyGreyed", at, { name: sched.name });
    if (sched.activeReps === 0) return element("agenda", "orange", "noActiveRep", fixLinks.salesReps(), { name: sched.name });
  }
  if (s.scriptAgendaUse.length === 0) return element("agenda", "green", "notUsed", fix);
  if (!s.agendaConfigured)
    return element("agenda", "orange", "scriptBooksNoAgenda", fix, { name: s.script?.name ?? "", uses: s.scriptAgendaUse.join(", ") });
  return element("agenda", "green", "ok", fix);
}

/** One agent can work the campaign but nobody replaces them: orange. */
function skills(s: CampaignSnapshot): SummaryElement {
  const required = s.requiredSkills.map((r) => `${r.name} ≥ ${r.minLevel}`).join(", ");
  const params: Params = { count: s.eligibleAgents, ...(required ? { skills: required } : {}) };
  if (s.eligibleAgents === 0) {
    return required
      ? element("skills", "red", "noQualifiedAgent", tab(s, "skills"), params)
      : element("skills", "red", "noAgent", fixLinks.agents(), params);
  }
  const fix = required ? tab(s, "skills") : fixLinks.agents();
  if (s.eligibleAgents < 2) return element("skills", "orange", "fewAgents", fix, params);
  return element("skills", "green", required ? "ok" : "okNoSkill", fix, params);
}

export function computeSummary(snapshot: CampaignSnapshot): CampaignSummary {
  const elements = [
    general(snapshot),
    ...(snapshot.type === "twitter" ? [search(snapshot)] : []),
    sources(snapshot),
    replies(snapshot),
    ...(snapshot.type === "facebook" ? [massMessageSends(snapshot)] : []),
    queue(snapshot),
    schedule(snapshot),
    holidays(snapshot),
    distribution(snapshot),
    predefinedResponses(snapshot),
    blacklists(snapshot),
    script(snapshot),
    customerFile(snapshot),
    qualifications(snapshot),
    agenda(snapshot),
    skills(snapshot),
  ];
  return { overall: worstLight(elements.map((e) => e.light)), elements };
}
