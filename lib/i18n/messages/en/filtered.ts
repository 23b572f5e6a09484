import type { Messages } from "../../types";

export const filtered: Messages["filtered"] = {
  gateTitle: "Service hours",
  open: "Open: new messages enter the queue.",
  closedUntil: "Closed until {at}",
  closedNoOpening: "Closed: the schedule has no opening.",
  timeZone: "Time zone: {zone}",
  held: "{count, plural, =0 {No message waiting for opening} one {# message waiting for opening} other {# messages waiting for opening}}",
  count: "{count, plural, =0 {No filtered message} one {# filtered message} other {# filtered messages}}",
  view: "See filtered messages",
  title: "Filtered — {name}",
  description:
    "Messages holding a term of one of the campaign's blacklists: they do not enter the queue. An administrator may release one.",
  empty: "No filtered message for this campaign",
  author: "Author",
  text: "Message",
  term: "Term",
  list: "Blacklist",
  receivedAt: "Received",
  unknownList: "Deleted list",
  release: "Release",
  confirmTitle: "Release @{handle}'s message?",
  confirmText: "The message enters the queue, or waits for opening if the campaign is closed. The release is recorded in the change log.",
  releasedWaiting: "Message released: it is in the queue.",
  releasedHeld: "Message released: it will enter the queue at opening.",
  notFiltered: "This message is no longer filtered: it may have been released already.",
  back: "Back to the campaign",
};
