import type { ScriptModel } from "@/lib/scripts/model";
import type { Translate } from "@/lib/i18n/types";
import type { MessageKey } from "@/lib/i18n/translate";

/** Turns zod issues on the model into "Page 1 › NOM: message" lines an admin can act on. */
export function describeIssues(model: ScriptModel, issues: { path: PropertyKey[]; message: string }[], t: Translate): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const [root, i, sub, j] = issue.path as (string | number)[];
      let where = String(root);
      if (root === "pages" && typeof i === "number") {
        const page = model.pages[i];
        where = page?.name ?? where;
        if (sub === "objects" && typeof j === "number") where += ` › ${page?.objects[j]?.name ?? j}`;
      } else if (root === "actions" && typeof i === "number") where = model.actions[i]?.name ?? where;
      else if (root === "variables" && typeof i === "number") where = model.variables[i]?.name ?? where;
      const text = issue.message.includes(".") ? t(issue.message as MessageKey) : issue.message;
      return `${where}: ${text}`;
    })
    .join(" ; ");
}
