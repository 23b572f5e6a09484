// The campaign page's service-hours gate and its «Filtrés» list (blacklisted messages).
export const filtered = {
  gateTitle: "Heures de service",
  open: "Ouverte : les nouveaux messages entrent dans la file d'attente.",
  closedUntil: "Fermée jusqu'au {at}",
  closedNoOpening: "Fermée : le planning ne prévoit aucune ouverture.",
  timeZone: "Fuseau horaire : {zone}",
  held: "{count, plural, =0 {Aucun message en attente d'ouverture} one {# message en attente d'ouverture} other {# messages en attente d'ouverture}}",
  count: "{count, plural, =0 {Aucun message filtré} one {# message filtré} other {# messages filtrés}}",
  view: "Voir les messages filtrés",
  title: "Filtrés — {name}",
  description:
    "Messages contenant un terme d'une liste noire de la campagne : ils n'entrent pas dans la file d'attente. Un administrateur peut en libérer un.",
  empty: "Aucun message filtré pour cette campagne",
  author: "Auteur",
  text: "Message",
  term: "Terme",
  list: "Liste noire",
  receivedAt: "Reçu le",
  unknownList: "Liste supprimée",
  release: "Libérer",
  confirmTitle: "Libérer le message de @{handle} ?",
  confirmText:
    "Le message entre dans la file d'attente, ou attend l'ouverture si la campagne est fermée. La libération est enregistrée dans le journal des modifications.",
  releasedWaiting: "Message libéré : il est dans la file d'attente.",
  releasedHeld: "Message libéré : il entrera dans la file à l'ouverture.",
  notFiltered: "Ce message n'est plus filtré : il a peut-être déjà été libéré.",
  back: "Retour à la campagne",
};
