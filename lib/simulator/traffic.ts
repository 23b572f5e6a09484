import type { SimStore } from "./state";

// Generates a steady stream of customer posts so that load tests and training sessions have
// something to work on without a person typing every message.

const CUSTOMERS: Array<[string, string, string]> = [
  ["camille_b", "Camille Bernard", "fr"],
  ["lucas_m", "Lucas Martin", "fr"],
  ["ines_dubois", "Inès Dubois", "fr"],
  ["hugo_petit", "Hugo Petit", "fr"],
  ["lea_moreau", "Léa Moreau", "fr"],
  ["jdoe42", "John Doe", "en"],
  ["sarah_k", "Sarah King", "en"],
  ["mike_t", "Mike Turner", "en"],
];

const TEMPLATES: Record<string, string[]> = {
  fr: [
    "Bonjour, je n'arrive pas à me connecter à {k} depuis ce matin",
    "{k} : ma commande n'est toujours pas arrivée, que se passe-t-il ?",
    "Merci {k} pour la réponse rapide !",
    "Est-ce que {k} est disponible le dimanche ?",
    "Je voudrais un remboursement, {k} ne répond pas à mes mails",
    "Quelqu'un sait comment changer son adresse sur {k} ?",
  ],
  en: [
    "Hey {k}, my order still hasn't shipped",
    "Is {k} down right now? Can't log in",
    "Thanks {k} for the quick fix!",
    "How do I update my billing details on {k}?",
    "Still waiting for a refund from {k}, any news?",
  ],
};

export interface TrafficRequest {
  perMinute: number;
  durationSeconds: number;
  keyword: string;
}

export interface TrafficRun extends TrafficRequest {
  id: string;
  total: number;
  posted: number;
  startedAt: string;
}

export function validateTraffic(input: Record<string, unknown>): TrafficRequest | string {
  const perMinute = Number(input.perMinute);
  const durationSeconds = Number(input.durationSeconds);
  const keyword = typeof input.keyword === "string" ? input.keyword.trim() : "";
  if (!Number.isFinite(perMinute) || perMinute <= 0 || perMinute > 6000) return "perMinute must be between 1 and 6000";
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0 || durationSeconds > 86_400) {
    return "durationSeconds must be between 1 and 86400";
  }
  if (!keyword || keyword.length > 100) return "keyword is required (at most 100 characters)";
  return { perMinute, durationSeconds, keyword };
}

export class TrafficGenerator {
  private runs = new Map<string, { run: TrafficRun; timer: NodeJS.Timeout }>();
  private seq = 0;

  constructor(private readonly store: SimStore) {}

  start(req: TrafficRequest): TrafficRun {
    const id = `traffic-${++this.seq}`;
    const total = Math.max(1, Math.round((req.perMinute * req.durationSeconds) / 60));
    const run: TrafficRun = { ...req, id, total, posted: 0, startedAt: new Date().toISOString() };
    const timer = setInterval(
      () => {
        this.postOne(run);
        if (run.posted >= run.total) this.stop(id);
      },
      Math.max(10, Math.round(60_000 / req.perMinute)),
    );
    this.runs.set(id, { run, timer });
    return { ...run };
  }

  private postOne(run: TrafficRun): void {
    const [handle, name, lang] = CUSTOMERS[Math.floor(Math.random() * CUSTOMERS.length)];
    const templates = TEMPLATES[lang];
    const template = templates[Math.floor(Math.random() * templates.length)];
    // A counter keeps texts distinct, as real customers rarely post byte-identical messages.
    const text = `${template.replace("{k}", run.keyword)} (${run.posted + 1})`;
    this.store.addTweet({ author: this.store.ensureUser(handle, name, lang), text, lang });
    run.posted++;
  }

  list(): TrafficRun[] {
    return [...this.runs.values()].map(({ run }) => ({ ...run }));
  }

  stop(id?: string): void {
    for (const [key, { timer }] of this.runs) {
      if (id && key !== id) continue;
      clearInterval(timer);
      this.runs.delete(key);
    }
  }
}
