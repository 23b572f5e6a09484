import type { Messages } from "../../types";

export const queues: Messages["queues"] = {
  title: "Queues",
  description_: "Each campaign puts its conversations in a queue identified by a unique ACD code.",
  new: "New queue",
  editTitle: "Queue {code}",
  code: "ACD code",
  codeHint: "Unique; letters, digits, - and _ (20 at most), stored in capitals.",
  description: "Description",
  campaigns: "Campaigns",
  empty: "No queue yet. Create one for your campaigns.",
  errors: {
    codeFormat: "Letters, digits, - and _ only, 20 characters at most",
    descriptionTooLong: "200 characters at most",
  },
};
