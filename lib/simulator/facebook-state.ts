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

/** Graph API time format: ISO 8601, second precision, "+0000" offset. */
export function graphTime(iso: string): string {
  return `${iso.slice(0, 19)}+0000`;
}

function capped<T>(list: T[]): void {
  if (list.length > MAX_ITEMS) list.splice(0, list.length - MAX_ITEMS);
}

export class FacebookState {
  private data: FacebookPersisted = FacebookState.empty();

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
  }

  toJSON(): FacebookPersisted {
    return this.data;
  }

  reset(): void {
    this.data = FacebookState.empty();
    this.seed();
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
    return this.data.people.find((p) => p.id === id);
  }

  /** Finds a customer by name, creating them (with a new page-scoped id) on first contact. */
  ensurePerson(name: string): FbPerson {
    const existing = this.data.people.find((p) => p.name === name);
    if (existing) return existing;
    const person = { id: this.nextId(), name };
    this.data.people.push(person);
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

  addPost(pageId: string, message: string): FbPost {
    const post = { id: `${pageId}_${this.nextId()}`, pageId, message, createdTime: new Date().toISOString() };
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
    const conv = this.data.conversations.find((c) => c.pageId === pageId && c.personId === personId);
    if (!conv) return undefined;
    const theirs = this.messagesOf(conv.id).filter((m) => m.fromId === personId);
    return theirs.sort((a, b) => Date.parse(b.createdTime) - Date.parse(a.createdTime))[0];
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
    return this.data.conversations.find((c) => c.id === id);
  }

  /** Most recently updated first, as the conversations edge lists them. */
  conversationsOf(pageId: string): FbConversation[] {
    // The list is kept in update order (see addMessage), exact even within one millisecond.
    return this.data.conversations.filter((c) => c.pageId === pageId).reverse();
  }

  /** Newest first, as Messenger threads are read. */
  messagesOf(conversationId: string): FbMessage[] {
    return this.data.messages.filter((m) => m.conversationId === conversationId).reverse();
  }

  /** A message between a page and a person, in their one conversation (created on first contact). */
  addMessage(input: {
    pageId: string;
    personId: string;
    fromPage: boolean;
    message: string;
    appId?: string;
    createdTime?: Date;
  }): FbMessage {
    // A backdated message (a trainer's "written 8 days ago") is a conversation last updated then.
    const now = (input.createdTime ?? new Date()).toISOString();
    const list = this.data.conversations;
    const at = list.findIndex((c) => c.pageId === input.pageId && c.personId === input.personId);
    const conv =
      at >= 0 ? list.splice(at, 1)[0] : { id: `t_${this.nextId()}`, pageId: input.pageId, personId: input.personId, updatedTime: now };
    conv.updatedTime = now;
    list.push(conv);
    const message: FbMessage = {
      id: `m_${this.nextId()}`,
      conversationId: conv.id,
      fromId: input.fromPage ? input.pageId : input.personId,
      toId: input.fromPage ? input.personId : input.pageId,
      message: input.message,
      createdTime: now,
      ...(input.appId ? { appId: input.appId } : {}),
    };
    this.data.messages.push(message);
    capped(this.data.messages);
    this.changed();
    return message;
  }
}
