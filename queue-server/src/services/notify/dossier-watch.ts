// "Hồ sơ đã có kết quả" (issue 17.2): a citizen whose dossier is not ready yet gives a mobile
// number (at the kiosk's dossier look-up, or through the API with the receipt's code) and is texted
// once when its status turns `ready`. The watches are kept in the store (one meta entry: a dossier
// takes days, a restart must not forget them), dropped once told, once the dossier is returned,
// and after WATCH_DAYS; each round asks the dossier source (the local table, or the province's
// system with its cache) once per watched code.
import type { CenterConfig } from '@mot-cua/config';
import { dossierReadyNotice, normalisePhone } from '../../domain/notify-texts.ts';
import { fail } from '../../domain/messages.ts';
import type { StorePort } from '../../store/index.ts';
import type { DossierService } from '../dossier.service.ts';
import type { TextChannel } from './channels.ts';

export const DOSSIER_WATCH_KEY = 'dossier_watches';
export const DOSSIER_WATCH_TICK_MS = 5 * 60_000;
/** A watch ends unanswered after this long (a dossier late by weeks is a matter for the counter). */
export const WATCH_DAYS = 60;
/** Phones per dossier, and watches kept in all. */
const PER_CODE = 3;
const MAX_WATCHES = 5000;

interface Watch {
  code: string;
  phone: string;
  channel: 'sms' | 'zalo';
  at: number;
}

export class DossierWatch {
  #timer: NodeJS.Timeout | null = null;
  /** Every change of the list goes one after the other (read, change, write back). */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: StorePort,
    private readonly dossiers: DossierService,
    private readonly channels: { sms?: TextChannel | null; zalo?: TextChannel | null },
    private readonly config: () => CenterConfig,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {}

  get available(): boolean {
    return !!(this.channels.sms ?? this.channels.zalo);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn, fn);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #list(): Promise<Watch[]> {
    try {
      const v: unknown = JSON.parse((await this.store.reads.meta(DOSSIER_WATCH_KEY)) ?? '[]');
      return Array.isArray(v) ? (v as Watch[]) : [];
    } catch {
      return [];
    }
  }

  #save(list: Watch[]): Promise<void> {
    return this.store.commit({ meta: [{ key: DOSSIER_WATCH_KEY, value: JSON.stringify(list) }] });
  }

  /** Watches a dossier for `phone`; answers the dossier's code and the channel. */
  async watch(rawCode: string, rawPhone: string, asked?: 'sms' | 'zalo'): Promise<{ code: string; channel: 'sms' | 'zalo' }> {
    const phone = normalisePhone(rawPhone);
    if (!phone) throw fail('bad_phone');
    const channel = asked ?? (this.channels.sms ? 'sms' : 'zalo');
    if (!this.channels[channel]) throw fail('notify_unavailable', { channel: asked === 'zalo' ? 'Zalo' : 'SMS' });
    const d = await this.dossiers.status(rawCode);
    if (d.status === 'ready' || d.status === 'returned') throw fail('dossier_already_done', { code: d.code });
    return this.#serial(async () => {
      const list = (await this.#list()).filter((w) => !(w.code === d.code && w.phone === phone));
      if (list.filter((w) => w.code === d.code).length >= PER_CODE) throw fail('dossier_watch_full', { code: d.code });
      list.push({ code: d.code, phone, channel, at: this.now() });
      await this.#save(list.slice(-MAX_WATCHES));
      return { code: d.code, channel };
    });
  }

  start(): void {
    if (!this.available || this.#timer) return;
    this.#timer = setInterval(() => void this.tick().catch((e: Error) => this.log(`dossier watch: ${e.message}`)), DOSSIER_WATCH_TICK_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#chain;
  }

  /** One round: texts the holders of dossiers now ready, once; resolves with how many were told. */
  tick(): Promise<number> {
    return this.#serial(async () => {
      const list = await this.#list();
      if (list.length === 0) return 0;
      const cutoff = this.now() - WATCH_DAYS * 86_400_000;
      const keep: Watch[] = [];
      const status = new Map<string, { status: string; procedureName: string } | null>();
      let told = 0;
      for (const w of list) {
        if (w.at < cutoff) continue;
        if (!status.has(w.code)) {
          // The source down or the dossier gone: asked again next round (a gone one ends with WATCH_DAYS).
          status.set(w.code, await this.dossiers.status(w.code).catch(() => null));
        }
        const d = status.get(w.code);
        if (d?.status === 'returned') continue;
        const channel = this.channels[w.channel];
        if (d?.status !== 'ready' || !channel) {
          keep.push(w);
          continue;
        }
        const r = await channel.send(w.phone, dossierReadyNotice({ code: w.code, procedureName: d.procedureName }, this.config().center.name));
        // No phone number or name in the log: the channel, the dossier's code, how it went.
        this.log(`notify ${channel.name} dossier-ready dossier ${w.code}: ${r.ok ? 'sent' : `${r.outcome} (${r.reason})`}`);
        if (r.ok) told++;
        // A failure that may pass (timeout, 5xx) is tried again next round; a refusal is final.
        else if (r.outcome === 'failed') keep.push(w);
      }
      if (keep.length !== list.length) await this.#save(keep);
      return told;
    });
  }
}
