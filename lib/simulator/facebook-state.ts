import { DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE } from "./demo";

// The Facebook side of the simulator: apps, pages and their tokens, the people who write to a
// page (known by a page-scoped id), page posts with their comments, and Messenger conversations.

export interface FbApp {
  id: string;
  name: string;
  secret: string;
}

export interface FbPage {
  id: string;
  name: string;
  category: string;
}

export interface FbToken {
  token: string;
  pageId: string;
  appId: string;
  /** ISO time; absent for the long-lived page tokens Meta issues from a long-lived user token. */
  expiresAt?: string;
}

export interface FbPerson {
  /** Page-scoped id (PSID), what the Graph API shows the page instead of the person's real id. */
  id: string;
  name: string;
}

export interface FbPost {
  id: string;
  pageId: string;
  message: string;
  createdTime: string;
  /** Set when an app published it through POST /{page-id}/feed (a mass message's page post). */
  appId?: string;
}

export interface FbComment {
  id: string;
  postId: string;
  /** Set on a reply to another comment. */
  parentId?: string;
  /** A person's PSID, or the page's id when the page answered. */
  fromId: string;
  message: string;
  createdTime: string;
  /** Deleted by its author: left out of reads, but still taking its slot in a page of results. */
  deleted?: boolean;
  /** Set when an app wrote it through the Graph API (what Relais sent). */
  appId?: string;
  /** The page answered it privately (Send API with recipient.comment_id): allowed once. */
  privateReplyId?: string;
}

export interface FbConversation {
  id: string;
  pageId: string;
  personId: string;
  updatedTime: string;
}

export interface FbMessage {
  id: string;
  conversationId: string;
  fromId: string;
  toId: string;
  message: string;
  createdTime: string;
  appId?: string;
  /** The Send API's `message.metadata`: an app's own marker, kept so the app can find its send again. */
  metadata?: string;
  /** A template (links & logos) the page sent, as the Send API received it. */
  attachment?: unknown;
}

export interface FacebookPersisted {
  apps: FbApp[];
  pages: FbPage[];
  tokens: FbToken[];
  people: FbPerson[];
  posts: FbPost[];
  comments: FbComment[];
  conversations: FbConversation[];
  messages: FbMessage[];
}

export const DEMO_FACEBOOK_APP: FbApp = {
  id: DEMO_FACEBOOK_CREDENTIALS.appId,
  name: "Relais Demo App",
  secret: DEMO_FACEBOOK_CREDENTIALS.appSecret,
};

const MAX_ITEMS = 50_000;
// Messages are what tests and the mass-send bench count: a bench sends 100,000 of them.
const MAX_MESSAGES = 1_000_000;

/** Graph API time format: ISO 8601, second precision, "+0000" offset. */
export function graphTime(iso: string): string {
  return `${iso.slice(0, 19)}+0000`;
}

function capped<T>(list: T[], max = MAX_ITEMS): boolean {
  if (list.length <= max) return false;
  list.splice(0, list.length - max);
  return true;
}

export class FacebookState {
  private data: FacebookPersisted = FacebookState.empty();
  // Lookups the Send API does on every call (a mass send makes 100,000 of them): by id, by
  // name, a person's conversation with a page, a conversation's messages. Rebuilt from `data`.
  private peopleById = new Map<string, FbPerson>();
  private peopleByName = new Map<string, FbPerson>();
  private convByPair = new Map<string, FbConversation>();
  private convById = new Map<string, FbConversation>();
  private messagesByConv = new Map<string, FbMessage[]>();

  private reindex(): void {
    this.peopleById = new Map(this.data.people.map((p) => [p.id, p]));
    this.peopleByName = new Map();
    for (const p of this.data.people) if (!this.peopleByName.has(p.name)) this.peopleByName.set(p.name, p);
    this.convByPair = new Map(this.data.conversations.map((c) => [`${c.pageId}|${c.personId}`, c]));
    this.convById = new Map(this.data.conversations.map((c) => [c.id, c]));
    this.messagesByConv = new Map();
    for (const m of this.data.messages) {
      const list = this.messagesByConv.get(m.conversationId);
      if (list) list.push(m);
      else this.messagesByConv.set(m.conversationId, [m]);
    }
  }

  constructor(
    private readonly nextId: () => string,
    private readonly changed: () => void,
  ) {
    this.seed();
  }

  private static empty(): FacebookPersisted {
    return { apps: [], pages: [], tokens: [], people: [], posts: [], comments: [], conversations: [], messages: [] };
  }

  private seed(): void {
    if (!this.app(DEMO_FACEBOOK_APP.id)) this.data.apps.push(DEMO_FACEBOOK_APP);
    if (!this.page(DEMO_FACEBOOK_PAGE.id)) this.data.pages.push({ ...DEMO_FACEBOOK_PAGE, category: "Product/service" });
    if (!this.token(DEMO_FACEBOOK_CREDENTIALS.pageAccessToken)) {
      this.data.tokens.push({
        token: DEMO_FACEBOOK_CREDENTIALS.pageAccessToken,
        pageId: DEMO_FACEBOOK_PAGE.id,
        appId: DEMO_FACEBOOK_APP.id,
      });
    }
  }

  load(saved: Partial<FacebookPersisted> | undefined): void {
    const empty = FacebookState.empty();
    this.data = { ...empty, ...saved };
    this.seed();
    this.reindex();
  }

  toJSON(): FacebookPersisted {
    return this.data;
  }

  reset(): void {
    this.data = FacebookState.empty();
    this.seed();
    this.reindex();
    this.changed();
  }

  app(id: string): FbApp | undefined {
    return this.data.apps.find((a) => a.id === id);
  }

  page(id: string): FbPage | undefined {
    return this.data.pages.find((p) => p.id === id);
  }

  token(token: string): FbToken | undefined {
    return this.data.tokens.find((t) => t.token === token);
  }

  /** A new page token for the demo app, e.g. an already expired one for a training session. */
  issueToken(pageId: string, expiresAt?: Date): FbToken {
    const token: FbToken = {
      token: `EAASim${this.nextId()}`,
      pageId,
      appId: DEMO_FACEBOOK_APP.id,
      ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    };
    this.data.tokens.push(token);
    this.changed();
    return token;
  }

  person(id: string): FbPerson | undefined {
    return this.peopleById.get(id);
  }

  /** Finds a customer by name, creating them (with a new page-scoped id) on first contact. */
  ensurePerson(name: string): FbPerson {
    const existing = this.peopleByName.get(name);
    if (existing) return existing;
    const person = { id: this.nextId(), name };
    this.data.people.push(person);
    this.peopleById.set(person.id, person);
    this.peopleByName.set(name, person);
    this.changed();
    return person;
  }

  /** A page's or a person's name, for `from` fields. */
  nameOf(id: string): string {
    return this.page(id)?.name ?? this.person(id)?.name ?? "";
  }

  post(id: string): FbPost | undefined {
    return this.data.posts.find((p) => p.id === id);
  }

  /** Newest first, like a page feed. */
  postsOf(pageId: string): FbPost[] {
    return this.data.posts.filter((p) => p.pageId === pageId).reverse();
  }

  addPost(pageId: string, message: string, appId?: string): FbPost {
    const post: FbPost = {
      id: `${pageId}_${this.nextId()}`,
      pageId,
      message,
      createdTime: new Date().toISOString(),
      ...(appId ? { appId } : {}),
    };
    this.data.posts.push(post);
    capped(this.data.posts);
    this.changed();
    return post;
  }

  comment(id: string): FbComment | undefined {
    return this.data.comments.find((c) => c.id === id);
  }

  /** Oldest first (Graph's default "chronological" order); top-level ones only unless `all`. */
  commentsOn(objectId: string, all = false): FbComment[] {
    return this.data.comments.filter((c) => (c.parentId ?? c.postId) === objectId || (all && c.postId === objectId));
  }

  addComment(input: { objectId: string; fromId: string; message: string; appId?: string }): FbComment | undefined {
    const parent = this.comment(input.objectId);
    const postId = parent ? parent.postId : input.objectId;
    if (!parent && !this.post(postId)) return undefined;
    const comment: FbComment = {
      id: `${postId.split("_").pop()}_${this.nextId()}`,
      postId,
      ...(parent ? { parentId: parent.parentId ?? parent.id } : {}),
      fromId: input.fromId,
      message: input.message,
      createdTime: new Date().toISOString(),
      ...(input.appId ? { appId: input.appId } : {}),
    };
    this.data.comments.push(comment);
    capped(this.data.comments);
    this.changed();
    return comment;
  }

  markPrivateReply(commentId: string, messageId: string): void {
    const c = this.comment(commentId);
    if (c) {
      c.privateReplyId = messageId;
      this.changed();
    }
  }

  /** A person's latest message to the page, what Messenger's 24-hour window counts from. */
  lastMessageFrom(pageId: string, personId: string): FbMessage | undefined {
    const conv = this.convByPair.get(`${pageId}|${personId}`);
    if (!conv) return undefined;
    let last: FbMessage | undefined;
    for (const m of this.messagesByConv.get(conv.id) ?? [])
      if (m.fromId === personId && (!last || Date.parse(m.createdTime) >= Date.parse(last.createdTime))) last = m;
    return last;
  }

  /** Another page of the demo app with its token (tests and trainers who want a page of their own). */
  addPage(name: string): { page: FbPage; token: FbToken } {
    const page: FbPage = { id: this.nextId(), name, category: "Product/service" };
    this.data.pages.push(page);
    const token = this.issueToken(page.id);
    return { page, token };
  }

  markDeleted(commentId: string): FbComment | undefined {
    const c = this.comment(commentId);
    if (c) {
      c.deleted = true;
      this.changed();
    }
    return c;
  }

  conversation(id: string): FbConversation | undefined {
    return this.convById.get(id);
  }

  /** A person's conversation with a page. */
  conversationWith(pageId: string, personId: string): FbConversation | undefined {
    return this.convByPair.get(`${pageId}|${personId}`);
  }

  /** Most recently updated first, as the conversations edge lists them. */
  conversationsOf(pageId: string): FbConversation[] {
    // The list is kept in update order (see addMessage), exact even within one millisecond.
    return this.data.conversations.filter((c) => c.pageId === pageId).reverse();
  }

  /** Newest first, as Messenger threads are read. */
  messagesOf(conversationId: string): FbMessage[] {
    return [...(this.messagesByConv.get(conversationId) ?? [])].reverse();
  }

  /** A message between a page and a person, in their one conversation (created on first contact). */
  addMessage(input: {
    pageId: string;
    personId: string;
    fromPage: boolean;
    message: string;
    appId?: string;
    createdTime?: Date;
    metadata?: string;
    attachment?: unknown;
  }): FbMessage {
    // A backdated message (a trainer's "written 8 days ago") is a conversation last updated then.
    const now = (input.createdTime ?? new Date()).toISOString();
    const list = this.data.conversations;
    const known = this.convByPair.get(`${input.pageId}|${input.personId}`);
    // The list is kept in update order; moving a thread to the end is one search from the end
    // (the threads a burst touches are the recent ones).
    const at = known ? list.lastIndexOf(known) : -1;
    const conv =
      at >= 0 ? list.splice(at, 1)[0] : { id: `t_${this.nextId()}`, pageId: input.pageId, personId: input.personId, updatedTime: now };
    conv.updatedTime = now;
    list.push(conv);
    this.convByPair.set(`${conv.pageId}|${conv.personId}`, conv);
    this.convById.set(conv.id, conv);
    const message: FbMessage = {
      id: `m_${this.nextId()}`,
      conversationId: conv.id,
      fromId: input.fromPage ? input.pageId : input.personId,
      toId: input.fromPage ? input.personId : input.pageId,
      message: input.message,
      createdTime: now,
      ...(input.appId ? { appId: input.appId } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
      ...(input.attachment ? { attachment: input.attachment } : {}),
    };
    this.data.messages.push(message);
    const thread = this.messagesByConv.get(conv.id);
    if (thread) thread.push(message);
    else this.messagesByConv.set(conv.id, [message]);
    if (capped(this.data.messages, MAX_MESSAGES)) this.reindex();
    this.changed();
    return message;
  }

  /** Every message a page sent whose metadata starts with `prefix` (what tests and the bench count). */
  sentWithMetadata(prefix: string): FbMessage[] {
    return this.data.messages.filter((m) => m.metadata !== undefined && m.metadata.startsWith(prefix));
  }
}
