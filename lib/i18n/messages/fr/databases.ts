export const databases = {
  title: "Bases de données",
  description:
    "Chaque base de données est un schéma PostgreSQL géré par Relais ; les fichiers clients, carnets d'adresses et listes noires y sont rangés.",
  name: "Nom",
  nameHint: "2 à 40 caractères : lettres, chiffres et _, en commençant par une lettre.",
  schema: "Schéma PostgreSQL",
  tables: "Tables",
  createdAt: "Créée le",
  default: "Par défaut",
  empty: "Aucune base de données.",
  deleted: "Base de données supprimée",
  confirmDeleteTitle: "Supprimer la base « {name} » ?",
  confirmDeleteText: "Le schéma PostgreSQL est supprimé. C'est refusé tant qu'il contient des tables ou qu'un objet l'utilise.",
  errors: {
    nameFormat: "2 à 40 caractères : lettres, chiffres et _, en commençant par une lettre",
    default: "La base de données par défaut ne peut pas être supprimée",
    notEmpty: "Impossible : la base contient encore des tables ({tables})",
  },
} as const;
