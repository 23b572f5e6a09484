import { can, type Permission, type Principal } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/i18n/translate";

// Several permissions: any one opens the area.
const areas: { href: string; label: MessageKey; permission: Permission | readonly Permission[] }[] = [
  { href: "/workspace", label: "nav.workspace", permission: "workspace.use" },
  { href: "/supervision", label: "nav.supervision", permission: "supervision.view" },
  { href: "/reporting", label: "nav.reporting", permission: ["reporting.view", "reporting.own"] },
  { href: "/agenda", label: "agenda.menu.agenda", permission: "agenda.view" },
  // The Facebook mass message outside /admin: for a supervisor or agent given the right too.
  { href: "/mass-message", label: "nav.massMessage", permission: "massMessage.send" },
  { href: "/designer", label: "nav.designer", permission: "designer.access" },
  { href: "/admin", label: "nav.admin", permission: "admin.access" },
  { href: "/simulator", label: "nav.simulator", permission: "simulator.use" },
];

/** The navigation a user sees: read from the same permission table the server enforces. */
export function navFor(user: Principal) {
  const list = areas.filter((a) => (typeof a.permission === "string" ? [a.permission] : a.permission).some((p) => can(user, p)));
  // An agent with the booking right (and no agenda of his own to read) books from /agenda/book.
  if (!can(user, "agenda.view") && can(user, "agenda.book"))
    list.push({ href: "/agenda/book", label: "agenda.booking.title", permission: "agenda.book" });
  return list;
}
