// French is the reference locale: its shape defines `Messages`, so every other locale
// must provide exactly these keys. Wording follows the Hermes/Vocalcom manual where it
// names things (file d'attente, qualification, règles de distribution, liste noire…).
import { adminCommon } from "./fr/adminCommon";
import { queues } from "./fr/queues";
import { campaigns } from "./fr/campaigns";
import { summary } from "./fr/summary";
import { databases } from "./fr/databases";
import { hr } from "./fr/hr";
import { schedules } from "./fr/schedules";
import { qualifications } from "./fr/qualifications";
import { blacklists } from "./fr/blacklists";
import { distribution } from "./fr/distribution";
import { defaults } from "./fr/defaults";
import { audit } from "./fr/audit";
import { designer } from "./fr/designer";

// Each administration domain keeps its messages in its own file (fr/<domain>.ts).
export const fr = {
  adminCommon, queues, campaigns, summary, databases, hr, schedules, qualifications, blacklists, distribution, defaults, audit, designer,
  meta: {
    description: "Centre de contacts pour les réseaux sociaux",
  },
  common: {
    save: "Enregistrer",
    cancel: "Annuler",
    delete: "Supprimer",
    edit: "Modifier",
    add: "Ajouter",
    confirm: "Confirmer",
    close: "Fermer",
    back: "Retour",
    loading: "Chargement…",
    search: "Rechercher",
    actions: "Actions",
    yes: "Oui",
    no: "Non",
    requiredField: "Ce champ est obligatoire",
    saved: "Enregistré",
    genericError: "Une erreur est survenue",
    forbidden: "Vous n'avez pas la permission d'effectuer cette action",
    emptyList: "Aucun élément à afficher",
    notifications: "Notifications ({hotkey})",
    notification: "Notification",
  },
  nav: {
    main: "Navigation principale",
    workspace: "Espace agent",
    supervision: "Supervision",
    admin: "Administration",
    designer: "Interface Designer",
    simulator: "Simulateur réseaux",
    logout: "Déconnexion",
    language: "Langue",
    languageNames: {
      fr: "Français",
      en: "English",
    },
  },
  auth: {
    title: "Connexion",
    subtitle: "Connectez-vous avec votre code agent ou votre login.",
    login: "Identifiant (code agent ou login)",
    password: "Mot de passe",
    submit: "Se connecter",
    invalidCredentials: "Identifiant ou mot de passe incorrect",
    tooManyAttempts: "Trop de tentatives, réessayez dans {minutes} min",
    signedInAs: "Connecté en tant que {name}",
    forbidden: {
      title: "Accès refusé",
      text: "Votre compte n'a pas les droits nécessaires pour accéder à cette page.",
      back: "Retour à l'accueil",
    },
  },
  workspace: {
    title: "Espace agent",
    status: "Statut",
    ready: "Prêt",
    pause: "Pause",
    offline: "Déconnecté",
    waitingForMessages: "En attente de messages…",
    conversation: "Conversation",
    thread: "Fil de discussion",
    author: "Auteur",
    campaign: "Campagne",
    queue: "File d'attente",
    noConversation: "Aucune conversation en cours",
    reply: "Répondre",
    replyPlaceholder: "Saisissez votre réponse…",
    characterCount: "{count} / {max} caractères",
    send: "Envoyer",
    sent: "Réponse envoyée",
    networkError: "Erreur réseau : la réponse n'a pas pu être envoyée. Réessayez.",
    qualification: "Qualification",
    chooseQualification: "Choisissez une qualification",
    qualifyAndClose: "Qualifier et clôturer",
    waitingInQueue: "{count, plural, one {# conversation en attente} other {# conversations en attente}} dans les files",
    goReadyHint: "Passez à l'état « Prêt » pour recevoir des conversations.",
    closed: "Conversation qualifiée et clôturée",
    sendState: { sending: "envoi en cours", sent: "envoyé", failed: "échec de l'envoi" },
    errors: {
      replyEmpty: "Saisissez une réponse",
      replyTooLong: "280 caractères au maximum",
      qualificationRequired: "Choisissez une qualification",
      qualificationInvalid: "Cette qualification n'existe pas pour cette campagne",
      notYours: "Cette conversation ne vous est pas (ou plus) attribuée",
      replyInProgress: "Cette réponse est déjà en cours d'envoi",
      nothingToAnswer: "Aucun message de l'internaute auquel répondre",
      network: {
        rate_limited: "Le réseau limite les envois : réessayez dans quelques minutes",
        unauthorized: "Les identifiants du réseau de la campagne sont refusés",
        forbidden: "Le réseau refuse cette réponse",
        duplicate: "Le réseau refuse une réponse identique à une précédente",
        invalid_request: "Le réseau refuse cette réponse (requête invalide)",
        unreachable: "Le réseau est injoignable : réessayez",
        server: "Erreur du réseau : réessayez",
      },
    },
  },
  simulator: {
    title: "Simulateur réseaux",
    description:
      "Publiez des messages comme un internaute et suivez les réponses envoyées par les campagnes.",
    postAsCustomer: "Publier en tant qu'internaute",
    handle: "Identifiant (@handle)",
    displayName: "Nom affiché",
    text: "Texte",
    post: "Publier",
    posted: "Message publié",
    tweets: "Tweets",
    replies: "Réponses envoyées par les campagnes",
    noTweets: "Aucun tweet publié pour l'instant.",
    noReplies: "Aucune réponse envoyée par les campagnes pour l'instant.",
    demoCredentials: {
      title: "Identifiants de démo du simulateur",
      description:
        "L'application de démo que ce simulateur connaît. Saisissez-les dans l'onglet « Général » d'une campagne sur la plateforme du simulateur, ou utilisez « Remplir avec les identifiants de démo du simulateur ». Ils n'ouvrent que le simulateur.",
      twitter: "X (Twitter) : application « {app} », compte @{handle}",
      facebook: "Facebook : page « {page} »",
      copy: "Copier",
      copied: "Copié",
      copyLabel: "Copier : {field}",
    },
    errors: {
      handle: "1 à 15 lettres, chiffres ou _",
      name: "50 caractères au maximum",
      textEmpty: "Saisissez le texte du tweet",
      textTooLong: "280 caractères au maximum",
      unreachable: "Le simulateur réseau est injoignable",
      refused: "Le simulateur a refusé ce message",
    },
  },
  errors: {
    unauthenticated: "Votre session a expiré : reconnectez-vous",
    forbidden: "Vous n'avez pas la permission d'effectuer cette action",
    invalidInput: "Certains champs sont invalides",
    unexpected: "Une erreur inattendue est survenue",
    tooLarge: "La requête est trop volumineuse",
  },
  supervision: {
    title: "Supervision",
    description: "États des agents et files d'attente, en direct.",
    agents: "Agents",
    agent: "Agent",
    handling: "Conversations en cours",
    closedToday: "Qualifiées aujourd'hui",
    queues: "Files d'attente",
  },
  qualification: {
    title: "Qualifications",
    category: "Catégorie",
    categories: {
      positive: "Positif",
      argued: "Argumenté",
      notArgued: "Non Argumenté",
    },
  },
  admin: {
    title: "Administration",
    description:
      "Configurez vos campagnes de réseaux sociaux, leurs files d'attente et leurs paramètres communs.",
    campaigns: "Campagnes",
    campaignsDescription: "Configuration des campagnes Twitter et Facebook.",
    queues: "Files d'attente",
    queuesDescription: "Gestion des files d'attente et de leur code ACD.",
    noCampaigns: "Aucune campagne pour l'instant.",
    campaignType: "Type",
    campaignName: "Campagne",
    campaignState: "État",
    queue: "File d'attente",
    searchQuery: "Recherche par mot clé",
    waiting: "En attente",
    open: "En cours",
    lastPoll: "Dernière vérification",
    running: "Démarrée",
    stopped: "Arrêtée",
  },
} as const;
