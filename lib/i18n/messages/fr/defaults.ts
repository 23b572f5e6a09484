export const defaults = {
  title: "Paramètres par défaut",
  description: "Ces choix sont appliqués à chaque nouvelle campagne ; chaque campagne peut ensuite être modifiée.",
  database: "Base de données",
  qualificationGroup: "Groupe de statuts d'appels",
  schedule: "Planning de travail",
  holidayGroup: "Groupe de jours fériés",
  none: "Aucun",
  noSchedule: "Aucun (toujours ouvert)",
  errors: {
    unavailable: "Ce choix n'existe plus ou a été archivé",
  },
} as const;
