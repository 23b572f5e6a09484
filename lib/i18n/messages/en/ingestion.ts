import type { Messages } from "../../types";

export const ingestion: Messages["ingestion"] = {
  kinds: {
    x_search: "Keyword search",
    x_mentions: "Mentions of the account",
    x_dms: "Direct messages",
    fb_messenger: "Messenger",
    fb_comments: "Comments on page posts",
  },
  errorKinds: {
    rate_limited: "Rate limited",
    unauthorized: "Token refused",
    forbidden: "Access refused",
    server: "Network error",
    unreachable: "Unreachable",
    malformed: "Unreadable answer",
    budget: "Budget reached",
  },
  sources: {
    title: "Sources",
    empty: "No source polled yet: they appear after the first check of a running campaign.",
    ok: "OK",
    draining: "Catching up",
    lastPoll: "Last check {date}",
    neverPolled: "Never checked",
    nextPoll: "next try {date}",
    renewToken: "Renew the token in the “General” tab.",
    reads: "This month: {posts, number} posts and {users, number} users read, {stored, number} messages stored",
    readsDm: "This month: {events, number} DM events and {users, number} users read, {stored, number} messages stored",
    cost: "estimated {cost}",
    notBilled: "reads not billed",
    costNoBudget: "Estimated read cost this month: {spent} (X 2026 prices). No monthly budget.",
    costWithBudget: "Estimated read cost this month: {spent} of a {budget} monthly budget (X 2026 prices).",
  },
};
