import type { MessageKey } from "@/lib/i18n/translate";

/** The administration menu, grouped as in the manual («Réseaux Sociaux», «Paramètres Communs»). */
export const adminMenu: { title: MessageKey; items: { href: string; label: MessageKey }[] }[] = [
  {
    title: "adminCommon.menu.socialNetworks",
    items: [
      { href: "/admin", label: "adminCommon.menu.overview" },
      { href: "/admin/campaigns", label: "adminCommon.menu.campaigns" },
      { href: "/admin/defaults", label: "adminCommon.menu.defaults" },
      { href: "/admin/queues", label: "adminCommon.menu.queues" },
    ],
  },
  {
    title: "adminCommon.menu.humanResources",
    items: [
      { href: "/admin/agents", label: "adminCommon.menu.agents" },
      { href: "/admin/agents/wizard", label: "adminCommon.menu.hrWizard" },
      { href: "/admin/supervisors", label: "adminCommon.menu.supervisors" },
      { href: "/admin/supervision-groups", label: "adminCommon.menu.supervisionGroups" },
      { href: "/admin/skills", label: "adminCommon.menu.skills" },
      { href: "/admin/sales-rep-schedules", label: "agenda.menu.schedules" },
      { href: "/admin/sales-reps", label: "agenda.menu.reps" },
    ],
  },
  {
    title: "adminCommon.menu.commonParameters",
    items: [
      { href: "/admin/databases", label: "adminCommon.menu.databases" },
      { href: "/admin/schedules", label: "adminCommon.menu.schedules" },
      { href: "/admin/holidays", label: "adminCommon.menu.holidays" },
      { href: "/admin/qualifications", label: "adminCommon.menu.qualifications" },
      { href: "/admin/distribution-rules", label: "adminCommon.menu.distribution" },
      { href: "/admin/blacklists", label: "adminCommon.menu.blacklists" },
      { href: "/admin/address-books", label: "agenda.menu.addressBooks" },
      { href: "/agenda", label: "agenda.menu.agenda" },
      { href: "/admin/root", label: "adminCommon.menu.root" },
      { href: "/admin/audit", label: "adminCommon.menu.audit" },
    ],
  },
];
