export const queues = {
  title: "Files d'attente",
  description_: "Chaque campagne dépose ses conversations dans une file d'attente identifiée par un code ACD unique.",
  new: "Nouvelle file d'attente",
  editTitle: "File d'attente {code}",
  code: "Code ACD",
  codeHint: "Unique ; lettres, chiffres, - et _ (20 au plus), enregistré en majuscules.",
  description: "Description",
  campaigns: "Campagnes",
  empty: "Aucune file d'attente. Créez-en une pour vos campagnes.",
  errors: {
    codeFormat: "Lettres, chiffres, - et _ uniquement, 20 caractères au plus",
    descriptionTooLong: "200 caractères au maximum",
  },
} as const;
