// Distribution des conversations : pourquoi un agent a reçu une conversation, pause imposée.
export const routing = {
  pausedNoAnswer: {
    title: "Vous êtes en pause",
    text: "La conversation qui vous était proposée n'a pas reçu de réponse dans le délai de suppression des affectations de la campagne : elle a été remise en file et proposée à un autre agent. Repassez « Prêt » pour recevoir de nouveaux messages.",
  },
  offered: "Proposée",
  accepted: "Prise en charge",
  current: "Conversations en cours",
  why: "Pourquoi",
  whyRule: "Règle « {rule} » : {skill} niveau ≥ {level}",
  whyRuleSkill: "{skill} niveau ≥ {level}",
  whyOverflow: "Débordement : aucun agent {skill} niveau ≥ {level} libre après l'attente",
  whyAny: "Aucune compétence demandée : premier agent disponible",
  whyReassigned: "Réaffectée",
  whyCallback: "Rappel",
  noCurrent: "Aucune",
} as const;
