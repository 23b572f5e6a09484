import { promises as fs } from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNT, DEMO_APP, type SimApp } from "./demo";
import { FacebookState, type FacebookPersisted } from "./facebook-state";
import { guessLang } from "./lang";

export interface SimUser {
  id: string;
  handle: string;
  name: string;
  lang?: string;
  createdAt: string;
  /** public_metrics.followers_count; distribution rules read it. */
  followers?: number;
  /** False when the person does not accept DMs from accounts they do not follow (X answers 403). */
  acceptsDms?: boolean;
}

/** A direct message (X's MessageCreate event) between a customer and an app's account. */
export interface SimDm {
  id: string;
  text: string;
  senderId: string;
  recipientId: string;
  /** One-to-one conversation id: `{smallerId}-{largerId}`. */
  conversationId: string;
  createdAt: string;
  /** Set when an app sent it (what Relais sent), unset for customers. */
  appId?: string;
}

export function dmConversationId(a: string, b: string): string {
  return compareIds(a, b) <= 0 ? `${a}-${b}` : `${b}-${a}`;
}

export interface SimTweet {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
  lang: string;
  conversationId: string;
  inReplyToId?: string;
  inReplyToUserId?: string;
  /** Set when an app posted it through POST /2/tweets (what Relais sent), unset for customers. */
  appId?: string;
}

/** A mail the SMTP listener received (lib/simulator/smtp.ts). */
export interface SimMail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
}

interface PersistedState {
  version: 1;
  lastId: string;
  apps: SimApp[];
  users: SimUser[];
  tweets: SimTweet[];
  /** Absent in files written before the simulator spoke DMs. */
  dms?: SimDm[];
  /** Absent in files written before the simulator spoke Facebook. */
  facebook?: FacebookPersisted;
  /** Absent in files written before the simulator received mail. */
  mails?: SimMail[];
}

const MAX_MAILS = 1_000;

// X's snowflake epoch: ids embed a millisecond timestamp, so ids minted after a restart are still
// larger than the ones saved before it, even when the state file was lost.
const TWITTER_EPOCH = 1288834974657n;
const MAX_TWEETS = 50_000;

export function snowflakeTime(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
  } catch {
    return Number.NaN;
  }
}

export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class SimStore {
  private lastId = 0n;
  private apps = new Map<string, SimApp>();
  private users = new Map<string, SimUser>();
  private usersByHandle = new Map<string, SimUser>();
  /** Ascending by id, which is also posting order. */
  private tweetList: SimTweet[] = [];
  private tweetsById = new Map<string, SimTweet>();
  /** Ascending by id. */
  private dmList: SimDm[] = [];
  private mailList: SimMail[] = [];
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  readonly facebook = new FacebookState(
    () => this.nextId(),
    () => this.scheduleSave(),
  );

  private constructor(private readonly stateFile?: string) {
    this.seed();
  }

  static async open(stateFile?: string): Promise<SimStore> {
    const store = new SimStore(stateFile);
    if (!stateFile) return store;
    let raw: string;
    try {
      raw = await fs.readFile(stateFile, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return store;
      throw e;
    }
    const state = JSON.parse(raw) as PersistedState;
    if (state.version !== 1) throw new Error(`Unsupported simulator state version in ${stateFile}`);
    store.lastId = BigInt(state.lastId || "0");
    for (const app of state.apps ?? []) store.apps.set(app.id, app);
    for (const user of state.users ?? []) store.putUser(user);
    for (const tweet of state.tweets ?? []) store.putTweet(tweet);
    store.dmList = state.dms ?? [];
    store.facebook.load(state.facebook);
    store.mailList = state.mails ?? [];
    store.seed();
    return store;
  }

  private seed(): void {
    this.apps.set(DEMO_APP.id, DEMO_APP);
    if (!this.users.has(DEMO_ACCOUNT.id)) {
      this.putUser({ ...DEMO_ACCOUNT, lang: "fr", createdAt: new Date(0).toISOString() });
    }
  }

  private putUser(user: SimUser): void {
    this.users.set(user.id, user);
    this.usersByHandle.set(user.handle.toLowerCase(), user);
  }

  private putTweet(tweet: SimTweet): void {
    this.tweetList.push(tweet);
    this.tweetsById.set(tweet.id, tweet);
    if (this.tweetList.length > MAX_TWEETS) {
      const dropped = this.tweetList.shift();
      if (dropped) this.tweetsById.delete(dropped.id);
    }
  }

  nextId(): string {
    const fromClock = (BigInt(Date.now()) - TWITTER_EPOCH) << 22n;
    this.lastId = fromClock > this.lastId ? fromClock : this.lastId + 1n;
    this.scheduleSave();
    return this.lastId.toString();
  }

  get allApps(): SimApp[] {
    return [...this.apps.values()];
  }

  user(id: string): SimUser | undefined {
    return this.users.get(id);
  }

  userByHandle(handle: string): SimUser | undefined {
    return this.usersByHandle.get(handle.replace(/^@/, "").toLowerCase());
  }

  /** Finds a customer by handle, creating them on first post like a new X account would appear. */
  ensureUser(handle: string, name?: string, lang?: string, followers?: number): SimUser {
    const existing = this.userByHandle(handle);
    if (existing) {
      if (name && name !== existing.name) existing.name = name;
      if (lang) existing.lang = lang;
      if (followers !== undefined) existing.followers = followers;
      return existing;
    }
    const user: SimUser = {
      id: this.nextId(),
      handle: handle.replace(/^@/, ""),
      name: name || handle.replace(/^@/, ""),
      lang,
      createdAt: new Date().toISOString(),
      ...(followers !== undefined ? { followers } : {}),
    };
    this.putUser(user);
    this.scheduleSave();
    return user;
  }

  tweet(id: string): SimTweet | undefined {
    return this.tweetsById.get(id);
  }

  /** Newest first, like every X timeline. */
  tweetsNewestFirst(): SimTweet[] {
    return [...this.tweetList].reverse();
  }

  addTweet(input: { author: SimUser; text: string; lang?: string; inReplyToId?: string; appId?: string }): SimTweet {
    const parent = input.inReplyToId ? this.tweetsById.get(input.inReplyToId) : undefined;
    const id = this.nextId();
    const tweet: SimTweet = {
      id,
      text: input.text,
      authorId: input.author.id,
      createdAt: new Date(Math.max(Date.now(), snowflakeTime(id))).toISOString(),
      lang: input.lang || guessLang(input.text) || input.author.lang || "und",
      conversationId: parent ? parent.conversationId : id,
      ...(parent ? { inReplyToId: parent.id, inReplyToUserId: parent.authorId } : {}),
      ...(input.appId ? { appId: input.appId } : {}),
    };
    this.putTweet(tweet);
    this.scheduleSave();
    return tweet;
  }

  /** Newest first, like GET /2/dm_events. */
  dmsNewestFirst(): SimDm[] {
    return [...this.dmList].reverse();
  }

  addDm(input: { sender?: SimUser; senderId?: string; recipientId: string; text: string; appId?: string }): SimDm {
    const id = this.nextId();
    const senderId = input.sender?.id ?? input.senderId ?? "";
    const dm: SimDm = {
      id,
      text: input.text,
      senderId,
      recipientId: input.recipientId,
      conversationId: dmConversationId(senderId, input.recipientId),
      createdAt: new Date(Math.max(Date.now(), snowflakeTime(id))).toISOString(),
      ...(input.appId ? { appId: input.appId } : {}),
    };
    this.dmList.push(dm);
    if (this.dmList.length > MAX_TWEETS) this.dmList.shift();
    this.scheduleSave();
    return dm;
  }

  /** Newest first. */
  dms(): SimDm[] {
    return this.dmsNewestFirst();
  }

  addMail(mail: Omit<SimMail, "id">): SimMail {
    const stored = { id: this.nextId(), ...mail };
    this.mailList.push(stored);
    if (this.mailList.length > MAX_MAILS) this.mailList.shift();
    this.scheduleSave();
    return stored;
  }

  /** Newest first. */
  mails(): SimMail[] {
    return [...this.mailList].reverse();
  }

  reset(): void {
    // lastId survives a reset so ids stay increasing for clients that kept a since_id.
    this.users.clear();
    this.usersByHandle.clear();
    this.tweetList = [];
    this.tweetsById.clear();
    this.dmList = [];
    this.mailList = [];
    this.apps.clear();
    this.seed();
    this.facebook.reset();
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.stateFile || this.saveTimer) return;
    // Coalesces bursts (traffic generator, tests) into one write.
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.flush().catch((e) => console.error("Network simulator: could not save state:", e));
    }, 50);
  }

  /** Writes the state now (temp file + rename, so a crash never leaves half a file). */
  flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    const file = this.stateFile;
    if (!file) return Promise.resolve();
    const state: PersistedState = {
      version: 1,
      lastId: this.lastId.toString(),
      apps: [...this.apps.values()].filter((a) => a.id !== DEMO_APP.id),
      users: [...this.users.values()],
      tweets: this.tweetList,
      dms: this.dmList,
      facebook: this.facebook.toJSON(),
      mails: this.mailList,
    };
    const body = JSON.stringify(state);
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, body);
        await fs.rename(tmp, file);
      });
    return this.saving;
  }
}
