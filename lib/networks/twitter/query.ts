// Parser, validator and matcher for the subset of the X search query language that Relais uses.
// The simulator evaluates searches with it and the campaign form validates queries with it, so a
// query accepted in the form behaves the same against the simulator as against X.

export const MAX_QUERY_LENGTH = 512;

export type QueryNode =
  | { type: "and"; children: QueryNode[]; pos: number }
  | { type: "or"; children: QueryNode[]; pos: number }
  | { type: "not"; child: QueryNode; pos: number }
  | { type: "keyword" | "phrase"; value: string; tokens: string[]; pos: number }
  | { type: "hashtag" | "mention" | "from" | "to" | "lang"; value: string; pos: number }
  | { type: "is"; value: "reply" | "retweet" | "quote"; pos: number };

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: string; position: number /* 0-based offset in the query */ };

export interface MatchableTweet {
  text: string;
  lang?: string | null;
  authorHandle: string;
  inReplyToHandle?: string | null;
  isReply?: boolean;
  isRetweet?: boolean;
  isQuote?: boolean;
}

class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

type Token =
  | { kind: "lparen" | "rparen" | "or" | "neg"; pos: number }
  | { kind: "term"; text: string; pos: number }
  | { kind: "phrase"; text: string; pos: number };

const HANDLE_RE = /^[A-Za-z0-9_]{1,15}$/;
const LANG_RE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i;
const WORD_CHARS = /[\p{L}\p{N}\p{M}_]+/gu;
const HASHTAG_BODY_RE = /^[\p{L}\p{N}\p{M}_]+$/u;
const KNOWN_OPERATORS = new Set(["lang", "from", "to", "is"]);
// Operators X refuses to use on their own: they only narrow down a positive term.
const CONJUNCTION_REQUIRED = new Set(["lang", "is"]);

/** Splits text into lowercase word tokens the way X tokenizes posts: on punctuation and spaces. */
export function tokenize(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(WORD_CHARS) ?? [];
}

function foldAccents(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: c === "(" ? "lparen" : "rparen", pos: i });
      i++;
    } else if (c === "-") {
      const next = query[i + 1];
      if (next === undefined || /\s/.test(next) || next === ")" || next === "-") {
        throw new QuerySyntaxError(`"-" at position ${i + 1} must be followed directly by the term to exclude`, i);
      }
      tokens.push({ kind: "neg", pos: i });
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError(`Unterminated quoted phrase starting at position ${i + 1}`, i);
      const text = query.slice(i + 1, end);
      if (!text.trim()) throw new QuerySyntaxError(`Empty quoted phrase at position ${i + 1}`, i);
      tokens.push({ kind: "phrase", text, pos: i });
      i = end + 1;
    } else {
      const start = i;
      while (i < query.length && !/[\s()"]/.test(query[i])) i++;
      const text = query.slice(start, i);
      tokens.push(text === "OR" ? { kind: "or", pos: start } : { kind: "term", text, pos: start });
    }
  }
  return tokens;
}

function parseTerm(text: string, pos: number): QueryNode {
  const at = (msg: string) => new QuerySyntaxError(`${msg} at position ${pos + 1}`, pos);
  const colon = text.indexOf(":");
  const op = colon > 0 ? text.slice(0, colon).toLowerCase() : "";
  // "12:30" or a pasted URL are keywords; only letter-only prefixes look like operators.
  if (colon > 0 && /^[a-z_]+$/.test(op) && op !== "http" && op !== "https") {
    if (!KNOWN_OPERATORS.has(op)) throw at(`Unknown operator "${op}:"`);
    const value = text.slice(colon + 1);
    if (!value) throw at(`Operator "${op}:" needs a value`);
    if (op === "lang") {
      if (!LANG_RE.test(value)) throw at(`"${value}" is not a language code (expected e.g. lang:en or lang:fr)`);
      return { type: "lang", value: value.toLowerCase(), pos };
    }
    if (op === "is") {
      const v = value.toLowerCase();
      if (v !== "reply" && v !== "retweet" && v !== "quote") {
        throw at(`"is:${value}" is not supported (use is:reply, is:retweet or is:quote)`);
      }
      return { type: "is", value: v, pos };
    }
    const handle = value.replace(/^@/, "");
    if (!HANDLE_RE.test(handle)) throw at(`"${value}" is not a valid X handle`);
    return { type: op as "from" | "to", value: handle.toLowerCase(), pos };
  }
  if (text.startsWith("@")) {
    const handle = text.slice(1);
    if (!HANDLE_RE.test(handle)) throw at(`"${text}" is not a valid @mention`);
    return { type: "mention", value: handle.toLowerCase(), pos };
  }
  if (text.startsWith("#")) {
    const tag = text.slice(1).normalize("NFC");
    if (!HASHTAG_BODY_RE.test(tag)) throw at(`"${text}" is not a valid #hashtag`);
    return { type: "hashtag", value: tag.toLowerCase(), pos };
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) throw at(`"${text}" has no letters or digits to match`);
  return { type: "keyword", value: text, tokens, pos };
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.orExpr();
    const extra = this.tokens[this.i];
    if (extra) {
      throw new QuerySyntaxError(`Unexpected ")" at position ${extra.pos + 1} without a matching "("`, extra.pos);
    }
    return node;
  }

  private orExpr(): QueryNode {
    const first = this.andExpr();
    const children = [first];
    while (this.tokens[this.i]?.kind === "or") {
      const orTok = this.tokens[this.i++];
      const next = this.tokens[this.i];
      if (!next || next.kind === "rparen" || next.kind === "or") {
        throw new QuerySyntaxError(`"OR" at position ${orTok.pos + 1} needs a term on its right`, orTok.pos);
      }
      children.push(this.andExpr());
    }
    return children.length === 1 ? first : { type: "or", children, pos: first.pos };
  }

  private andExpr(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t || t.kind === "rparen" || t.kind === "or") break;
      children.push(this.unary());
    }
    if (children.length === 0) {
      const t = this.tokens[this.i];
      if (t?.kind === "or") throw new QuerySyntaxError(`"OR" at position ${t.pos + 1} needs a term on its left`, t.pos);
      if (t?.kind === "rparen") throw new QuerySyntaxError(`Empty parentheses or misplaced ")" at position ${t.pos + 1}`, t.pos);
      throw new QuerySyntaxError("The query is empty", 0);
    }
    return children.length === 1 ? children[0] : { type: "and", children, pos: children[0].pos };
  }

  private unary(): QueryNode {
    const t = this.tokens[this.i++];
    if (t.kind === "neg") {
      const next = this.tokens[this.i];
      if (!next || next.kind === "or" || next.kind === "rparen" || next.kind === "neg") {
        throw new QuerySyntaxError(`"-" at position ${t.pos + 1} must be followed directly by the term to exclude`, t.pos);
      }
      return { type: "not", child: this.unary(), pos: t.pos };
    }
    if (t.kind === "lparen") {
      const inner = this.orExpr();
      const close = this.tokens[this.i];
      if (close?.kind !== "rparen") {
        throw new QuerySyntaxError(`Missing ")" for the "(" at position ${t.pos + 1}`, t.pos);
      }
      this.i++;
      return inner;
    }
    if (t.kind === "phrase") {
      const tokens = tokenize(t.text);
      if (tokens.length === 0) throw new QuerySyntaxError(`Quoted phrase at position ${t.pos + 1} has no letters or digits`, t.pos);
      return { type: "phrase", value: t.text, tokens, pos: t.pos };
    }
    if (t.kind === "term") return parseTerm(t.text, t.pos);
    // Only "or"/"rparen" can remain, and andExpr() stops before them.
    throw new QuerySyntaxError(`Unexpected token at position ${t.pos + 1}`, t.pos);
  }
}

/** Returns the first node that cannot match anything on its own (X rejects such queries). */
function findNonStandalone(node: QueryNode): QueryNode | null {
  switch (node.type) {
    case "and":
      return node.children.some((c) => findNonStandalone(c) === null) ? null : node.children[0];
    case "or":
      // Every alternative must stand on its own, otherwise "a OR lang:fr" would match all French posts.
      return node.children.map(findNonStandalone).find((n) => n !== null) ?? null;
    case "not":
      return node;
    default:
      return CONJUNCTION_REQUIRED.has(node.type) ? node : null;
  }
}

export function parseQuery(query: string): ParseResult {
  if (query.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      error: `The query is ${query.length} characters long; X accepts at most ${MAX_QUERY_LENGTH}`,
      position: MAX_QUERY_LENGTH,
    };
  }
  try {
    const tokens = lex(query);
    if (tokens.length === 0) return { ok: false, error: "The query is empty", position: 0 };
    const ast = new Parser(tokens).parse();
    const lonely = findNonStandalone(ast);
    if (lonely) {
      return {
        ok: false,
        error:
          `The term at position ${lonely.pos + 1} cannot be used on its own: add a keyword, "phrase", ` +
          `#hashtag, @mention or from:/to: term (negations, lang: and is: only narrow a search down)`,
        position: lonely.pos,
      };
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}

/** Compares a query word with a post word; an unaccented query word also matches accented text, like X. */
function wordEquals(queryWord: string, textWord: string): boolean {
  const folded = foldAccents(queryWord);
  return folded === queryWord ? folded === foldAccents(textWord) : queryWord === textWord;
}

function containsSequence(words: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) {
      if (!wordEquals(seq[j], words[i + j])) continue outer;
    }
    return true;
  }
  return false;
}

function entities(text: string, sigil: "#" | "@"): string[] {
  const re = sigil === "#" ? /(?:^|[^\p{L}\p{N}_&#])#([\p{L}\p{N}\p{M}_]+)/gu : /(?:^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})/gu;
  return Array.from(text.normalize("NFC").matchAll(re), (m) => m[1].toLowerCase());
}

export function matches(ast: QueryNode, tweet: MatchableTweet): boolean {
  const words = tokenize(tweet.text);
  const evaluate = (node: QueryNode): boolean => {
    switch (node.type) {
      case "and":
        return node.children.every(evaluate);
      case "or":
        return node.children.some(evaluate);
      case "not":
        return !evaluate(node.child);
      case "keyword":
      case "phrase":
        return containsSequence(words, node.tokens);
      case "hashtag":
        return entities(tweet.text, "#").some((tag) => wordEquals(node.value, tag));
      case "mention":
        return entities(tweet.text, "@").includes(node.value);
      case "from":
        return tweet.authorHandle.replace(/^@/, "").toLowerCase() === node.value;
      case "to":
        return (tweet.inReplyToHandle ?? "").replace(/^@/, "").toLowerCase() === node.value;
      case "lang":
        return (tweet.lang ?? "").toLowerCase() === node.value;
      case "is":
        if (node.value === "reply") return Boolean(tweet.isReply);
        if (node.value === "retweet") return Boolean(tweet.isRetweet);
        return Boolean(tweet.isQuote);
    }
  };
  return evaluate(ast);
}

/** For callers holding a raw query string; throws on an invalid query. */
export function compileQuery(query: string): (tweet: MatchableTweet) => boolean {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return (tweet) => matches(parsed.ast, tweet);
}
