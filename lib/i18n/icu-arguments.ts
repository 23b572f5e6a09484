/**
 * The argument names an ICU message expects: `{name}`, and the `count` of
 * `{count, plural, one {# item} other {# items}}` with the arguments of its branches — but not
 * the branches' own text. Used to check that every locale asks for the same parameters.
 */
export function icuArguments(message: string): string[] {
  const found = new Set<string>();
  let i = 0;

  // Reads message text until the closing brace of the enclosing branch (or the end).
  function text(): void {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "'" && /[{}#']/.test(message[i + 1] ?? "")) {
        // ICU quoting: '{' … ' is literal text.
        const end = message.indexOf("'", i + 1);
        i = end < 0 ? message.length : end + 1;
      } else if (message[i] === "{") {
        i++;
        argument();
      } else i++;
    }
  }

  // After "{": name, optional type and style or branches, up to the matching "}".
  function argument(): void {
    const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*)?/.exec(message.slice(i));
    if (!head) return;
    found.add(head[1]);
    i += head[0].length;
    const type = head[2];
    if (type === "plural" || type === "select" || type === "selectordinal") {
      if (message[i] === ",") i++;
      while (i < message.length && message[i] !== "}") {
        if (message[i] === "{") {
          i++;
          text();
        }
        i++;
      }
    } else {
      while (i < message.length && message[i] !== "}") i++;
    }
    i++;
  }

  text();
  return [...found].sort();
}
