import type { mail as frMail, outbox as frOutbox, replyBox as frReplyBox, replyPolicy as frReplyPolicy } from "../fr/outbox";

// Replies per network, the outbox and emails (agent workspace).
export const replyPolicy: typeof frReplyPolicy = {
  kinds: {
    x_reply: "Public reply",
    x_dm: "Direct message (DM)",
    fb_comment_reply: "Reply to the comment",
    fb_private_reply: "Private reply (Messenger)",
    messenger: "Messenger message",
    email: "Email",
  },
  listenOnly: "Listen only: this network allows no answer to this conversation.",
  until: "possible until {date}",
  reasons: {
    xNotMentioned:
      "No public reply: since February 2026 X only accepts a reply when the post mentions or quotes the campaign account. Answer by direct message.",
    xPrivateConversation: "No public reply: this conversation is a direct message.",
    xDmNotAllowed: "No direct message: the author is not identified.",
    xPublicOnlyPosts: "No public reply to this kind of message.",
    notOnThisNetwork: "This network has no such answer.",
    messengerHumanAgent:
      "Over 24 h since the person's last message: the answer goes with the HUMAN_AGENT tag (written and sent by you, up to 7 days).",
    messengerWindowClosed:
      "No answer possible: over 7 days since the person's last message (Messenger's 24-hour rule, HUMAN_AGENT up to 7 days).",
    messengerNoInbound: "No answer possible: the person has not written on Messenger yet.",
    commentPrivateReplyExpired: "No private reply: the comment is over 7 days old.",
    commentPrivateReplyUsed: "No private reply: one private reply per comment, already sent.",
    commentOnlyOnComments: "Only possible on a comment.",
    noInbound: "No message from the person to answer.",
  },
};

export const outbox: typeof frOutbox = {
  states: {
    queued: "Queued",
    sending: "Sending",
    sent: "Sent",
    failed: "Failed",
    unknown: "Uncertain",
  },
  retry: "Retry",
  retrying: "Retrying…",
  unknownHint: "The send was interrupted and the network cannot tell whether it went out: check on the network before answering again.",
  willRetry: "Automatic retry ({attempts}/5)",
  code: "code {code}",
  reasons: {
    rateLimited: "The network is limiting sends for now: it will be retried automatically later.",
    unreachable: "The network cannot be reached.",
    networkError: "The network answered with an error.",
    tokenInvalid: "The network refuses the campaign's credentials (invalid token): tell an administrator.",
    tokenExpired: "The page token has expired: tell an administrator.",
    duplicate: "The network refuses an answer identical to one already posted: change the text.",
    outsideWindow: "Messenger refuses: outside the 24-hour window (or 7 days with HUMAN_AGENT) since the person's last message.",
    invalidTag: "Messenger refuses the message tag (only HUMAN_AGENT is still accepted).",
    personUnavailable: "This person cannot be reached on Messenger.",
    privateReplyUsed: "This comment already had its private reply.",
    notFound: "The message you answer no longer exists or is no longer visible.",
    xReplyNotAllowed: "X refuses the public reply: the post does not mention the campaign account.",
    dmClosed: "This person does not accept direct messages from this account.",
    tooLong: "The text is too long for this network.",
    refused: "The network refuses this send.",
    invalid: "The network refuses this send (invalid request).",
    unexpected: "Unexpected error while sending.",
    interrupted: "The send was interrupted before reaching the network (checked on the network): you may retry.",
    interruptedUnknown: "The send was interrupted and the network cannot tell whether it went out.",
    smtpNotConfigured: "No SMTP server is configured (ROOT settings).",
    smtpAuth: "The SMTP server refuses the login or password (ROOT settings).",
    smtpRefused: "The SMTP server refuses this message.",
    smtpUnavailable: "The SMTP server cannot be reached.",
  },
  errors: {
    tooLong: "At most {max, plural, one {# character} other {# characters}} for this answer",
    keyReused: "This send request was already used for another conversation",
    notFound: "This send does not exist",
    alreadyRetried: "This send is already on its way again (from another tab?)",
    alreadySent: "This send has already gone out",
  },
};

export const replyBox: typeof frReplyBox = {
  title: "Reply",
  answerKind: "Kind of answer",
  text: "Your answer",
  placeholder: "Type your answer…",
  count: "{count} / {max} characters",
  over: "{count, plural, one {# character too many} other {# characters too many}}",
  send: "Send",
  queued: "Answer queued for sending",
  sends: "Sends of this conversation",
  empty: "Type an answer",
  shortcut: "Ctrl+Enter to send",
  notPossible: "Not possible",
  possible: "Possible",
  email: "Send an email (template)",
  emailTemplate: "Email template",
  emailTo: "Recipient",
  emailSend: "Send the email",
  emailQueued: "Email queued for sending",
};

export const mail: typeof frMail = {
  errors: {
    templateRequired: "Choose an email template",
    templateInvalid: "This email template does not exist for this campaign",
    invalidAddress: "Invalid email address",
  },
  simulator: {
    title: "Emails received (the simulator's SMTP server)",
    empty: "No email received yet.",
    subject: "Subject: {subject}",
    to: "To: {to}",
    attachments: "Attachments: {names}",
    dms: "X direct messages sent by the campaigns",
    noDms: "No direct message sent yet.",
    messenger: "Messenger messages sent by the campaigns",
    noMessenger: "No Messenger message sent yet.",
    card: "Card (links & logos)",
    massMessage: "Mass message",
  },
};
