// Réponses selon le réseau, boîte d'envoi et emails (espace agent).
export const replyPolicy = {
  kinds: {
    x_reply: "Réponse publique",
    x_dm: "Message privé (DM)",
    fb_comment_reply: "Réponse au commentaire",
    fb_private_reply: "Réponse privée (Messenger)",
    messenger: "Message Messenger",
    email: "Email",
  },
  listenOnly: "Écoute seule : aucune réponse n'est possible sur ce réseau pour cette conversation.",
  until: "possible jusqu'au {date}",
  reasons: {
    xNotMentioned:
      "Réponse publique impossible : depuis février 2026, X n'accepte une réponse que si le message mentionne ou cite le compte de la campagne. Répondez en message privé.",
    xPrivateConversation: "Réponse publique impossible : cette conversation est un message privé.",
    xDmNotAllowed: "Message privé impossible : l'auteur n'est pas identifié.",
    xPublicOnlyPosts: "Réponse publique impossible sur ce type de message.",
    notOnThisNetwork: "Ce type de réponse n'existe pas sur ce réseau.",
    messengerHumanAgent:
      "Plus de 24 h depuis le dernier message de l'internaute : la réponse part avec l'étiquette HUMAN_AGENT (écrite et envoyée par vous, jusqu'à 7 jours).",
    messengerWindowClosed:
      "Réponse impossible : plus de 7 jours depuis le dernier message de l'internaute (règle des 24 h de Messenger, HUMAN_AGENT jusqu'à 7 jours).",
    messengerNoInbound: "Réponse impossible : l'internaute n'a encore rien écrit sur Messenger.",
    commentPrivateReplyExpired: "Réponse privée impossible : le commentaire a plus de 7 jours.",
    commentPrivateReplyUsed: "Réponse privée impossible : une seule réponse privée par commentaire, déjà envoyée.",
    commentOnlyOnComments: "Réponse possible uniquement sur un commentaire.",
    noInbound: "Aucun message de l'internaute auquel répondre.",
  },
};

export const outbox = {
  states: {
    queued: "En file d'envoi",
    sending: "Envoi en cours",
    sent: "Envoyé",
    failed: "Échec",
    unknown: "Envoi incertain",
  },
  retry: "Réessayer",
  retrying: "Nouvel essai…",
  unknownHint:
    "L'envoi a été interrompu et le réseau ne permet pas de vérifier s'il est parti : vérifiez sur le réseau avant de répondre à nouveau.",
  willRetry: "Nouvel essai automatique ({attempts}/5)",
  code: "code {code}",
  reasons: {
    rateLimited: "Le réseau limite les envois pour l'instant : nouvel essai automatique plus tard.",
    unreachable: "Le réseau est injoignable.",
    networkError: "Le réseau a répondu par une erreur.",
    tokenInvalid: "Les identifiants de la campagne sont refusés par le réseau (jeton invalide) : prévenez un administrateur.",
    tokenExpired: "Le jeton de la page a expiré : prévenez un administrateur.",
    duplicate: "Le réseau refuse une réponse identique à une réponse déjà publiée : modifiez le texte.",
    outsideWindow:
      "Messenger refuse : hors de la fenêtre de 24 h (ou de 7 jours avec HUMAN_AGENT) depuis le dernier message de l'internaute.",
    invalidTag: "Messenger refuse l'étiquette du message (seule HUMAN_AGENT est encore acceptée).",
    personUnavailable: "Cette personne n'est pas joignable sur Messenger.",
    privateReplyUsed: "Ce commentaire a déjà reçu sa réponse privée.",
    notFound: "Le message auquel vous répondez n'existe plus ou n'est plus visible.",
    xReplyNotAllowed: "X refuse la réponse publique : le message ne mentionne pas le compte de la campagne.",
    dmClosed: "Cette personne n'accepte pas les messages privés de ce compte.",
    tooLong: "Le texte est trop long pour ce réseau.",
    refused: "Le réseau refuse cet envoi.",
    invalid: "Le réseau refuse cet envoi (requête invalide).",
    unexpected: "Erreur inattendue pendant l'envoi.",
    interrupted: "L'envoi a été interrompu avant d'atteindre le réseau (vérifié sur le réseau) : vous pouvez réessayer.",
    interruptedUnknown: "L'envoi a été interrompu et le réseau ne permet pas de vérifier s'il est parti.",
    smtpNotConfigured: "Aucun serveur SMTP n'est configuré (configuration ROOT).",
    smtpAuth: "Le serveur SMTP refuse l'identifiant ou le mot de passe (configuration ROOT).",
    smtpRefused: "Le serveur SMTP refuse ce message.",
    smtpUnavailable: "Le serveur SMTP est injoignable.",
  },
  errors: {
    tooLong: "{max, plural, one {# caractère} other {# caractères}} au maximum pour cette réponse",
    keyReused: "Cette demande d'envoi a déjà servi pour une autre conversation",
    notFound: "Cet envoi n'existe pas",
    alreadyRetried: "Cet envoi est déjà reparti (depuis un autre onglet ?)",
    alreadySent: "Cet envoi est déjà parti",
  },
};

export const replyBox = {
  title: "Répondre",
  answerKind: "Type de réponse",
  text: "Votre réponse",
  placeholder: "Saisissez votre réponse…",
  count: "{count} / {max} caractères",
  over: "{count, plural, one {# caractère de trop} other {# caractères de trop}}",
  send: "Envoyer",
  queued: "Réponse mise en file d'envoi",
  sends: "Envois de cette conversation",
  empty: "Saisissez une réponse",
  shortcut: "Ctrl+Entrée pour envoyer",
  notPossible: "Impossible",
  possible: "Possible",
  email: "Envoyer un email (modèle)",
  emailTemplate: "Modèle de mail",
  emailTo: "Destinataire",
  emailSend: "Envoyer l'email",
  emailQueued: "Email mis en file d'envoi",
};

export const mail = {
  errors: {
    templateRequired: "Choisissez un modèle de mail",
    templateInvalid: "Ce modèle de mail n'existe pas pour cette campagne",
    invalidAddress: "Adresse email invalide",
  },
  simulator: {
    title: "Emails reçus (serveur SMTP du simulateur)",
    empty: "Aucun email reçu pour l'instant.",
    subject: "Objet : {subject}",
    to: "À : {to}",
    attachments: "Pièces jointes : {names}",
    dms: "Messages privés X envoyés par les campagnes",
    noDms: "Aucun message privé envoyé pour l'instant.",
    messenger: "Messages Messenger envoyés par les campagnes",
    noMessenger: "Aucun message Messenger envoyé pour l'instant.",
    card: "Carte (liens et logos)",
    massMessage: "Message en masse",
  },
};
