/**
 * A steady mix of reads and cell writes against a running `vetplan serve`,
 * with a witness log of every write: what the server acknowledged (200) and
 * what it answered 503 (stored or not: the client cannot know), so that the
 * values stored in the end can be checked against it. For tests that take
 * the database away under the server (database-outage.process.test.ts).
 */

export interface LoadSession {
  url: string;
  cookie: string;
  csrf: string;
}

const ELEMENT = 'DE_VET_INSTITUTIONS';
const ORGS = ['07681', '07682', '07684', '07690'];
const PERIODS = ['201601', '201602', '201603'];
/** Between two requests of one client after a 503, so a down database is not asked in a tight loop. */
const BACKOFF_MS = 25;

interface Cell {
  org: string;
  period: string;
  version: number;
  /** The value last acknowledged (null: never written). */
  acked: number | null;
  /** Values answered 503 since: each may or may not be stored. */
  unknown: number[];
}

export interface Answer {
  /** When the request was sent and when its answer came (Date.now()). */
  sent: number;
  at: number;
  kind: 'write' | 'read' | 'health';
  /** The HTTP status, or 0 when the request got no answer (the server was not there). */
  status: number;
  error?: string;
}

export class OutageLoad {
  readonly answers: Answer[] = [];
  readonly cells: Cell[] = ORGS.flatMap((org) => PERIODS.map((period) => ({ org, period, version: 0, acked: null, unknown: [] })));
  private stopped = false;
  private next = 1;
  private running: Promise<void>[] = [];

  constructor(private readonly s: LoadSession) {}

  start(writers: number, readers: number): void {
    this.running = [
      ...Array.from({ length: writers }, (_, w) => this.write(this.cells.filter((_, i) => i % writers === w))),
      ...Array.from({ length: readers }, (_, r) => this.read(r)),
    ];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** Answers to requests sent from `from` (a Date.now()) on, and before `to` if given. */
  sentBetween(from: number, to = Infinity, kind?: Answer['kind']): Answer[] {
    return this.answers.filter((a) => a.sent >= from && a.sent < to && (!kind || a.kind === kind));
  }

  acknowledgedWrites(): number {
    return this.answers.filter((a) => a.kind === 'write' && a.status === 200).length;
  }

  /** Resolves once `count` more writes than now have been acknowledged. */
  async untilAcknowledged(count: number, timeoutMs = 60_000): Promise<void> {
    const target = this.acknowledgedWrites() + count;
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledgedWrites() < target) {
      if (Date.now() > deadline)
        throw new Error(`fewer than ${count} writes acknowledged in ${timeoutMs} ms: ${JSON.stringify(this.answers.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Every cell whose stored value is neither the one acknowledged last nor one answered 503 after it. */
  async lost(): Promise<string[]> {
    const res = await fetch(`${this.s.url}/api/data-values?element=${ELEMENT}&org=${ORGS.join(',')}&period=${PERIODS.join(',')}`, {
      headers: { cookie: this.s.cookie },
    });
    if (res.status !== 200) throw new Error(`reading the cells back: ${res.status} ${await res.text()}`);
    const stored = new Map(
      ((await res.json()) as { rows: { org: string; period: string; value: number }[] }).rows.map((r) => [`${r.org}|${r.period}`, r.value]),
    );
    return this.cells.flatMap((c) => {
      const value = stored.get(`${c.org}|${c.period}`) ?? null;
      return value === c.acked || (value !== null && c.unknown.includes(value))
        ? []
        : [`${c.org} ${c.period}: acknowledged ${c.acked}, then unknown [${c.unknown.join(' ')}], stored ${value}`];
    });
  }

  private async request(kind: Answer['kind'], path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const sent = Date.now();
    try {
      const res = await fetch(`${this.s.url}${path}`, {
        ...init,
        headers: { cookie: this.s.cookie, 'x-csrf-token': this.s.csrf, 'content-type': 'application/json', ...init.headers },
      });
      const text = await res.text();
      this.answers.push({ sent, at: Date.now(), kind, status: res.status, ...(res.status === 200 ? {} : { error: text.slice(0, 300) }) });
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    } catch (error) {
      this.answers.push({ sent, at: Date.now(), kind, status: 0, error: String(error) });
      return { status: 0, body: null };
    }
  }

  private async write(owned: Cell[]): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const c = owned[i % owned.length]!;
      const value = this.next++;
      const { status, body } = await this.request('write', '/api/data-entry/cell', {
        method: 'PUT',
        body: JSON.stringify({ element: ELEMENT, period: c.period, org: c.org, disagg: '', value, baseVersion: c.version }),
      });
      if (status === 200) {
        c.acked = value;
        c.version = (body as { cell: { version: number } }).cell.version;
        c.unknown = [];
      } else if (status === 409 && (body as { error: string }).error === 'stale_write') {
        // A write answered 503 was stored after all: take the cell as it is, if it is one of those.
        const current = (body as { current: { value: number; version: number } }).current;
        if (c.unknown.includes(current.value)) {
          c.acked = current.value;
          c.version = current.version;
          c.unknown = [];
        }
      } else if (status === 503) {
        c.unknown.push(value);
        await new Promise((r) => setTimeout(r, BACKOFF_MS));
      } else {
        await new Promise((r) => setTimeout(r, BACKOFF_MS));
      }
    }
  }

  private async read(reader: number): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const health = (i + reader) % 3 === 0;
      const { status } = health
        ? await this.request('health', '/api/health')
        : await this.request('read', `/api/data-values?element=${ELEMENT}&org=${ORGS[i % ORGS.length]}`);
      if (status !== 200) await new Promise((r) => setTimeout(r, BACKOFF_MS));
    }
  }
}
