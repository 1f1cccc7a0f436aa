// REDIS_URL: several queue-servers of one centre share what they tell screens
// (socket.io's Redis adapter: an event emitted on one server reaches the
// sockets of every server in that room) and their rate limits (@fastify/rate-limit's
// Redis store), so a board connected to any server sees every call and a
// client cannot multiply its allowance by spreading over servers.
// Without REDIS_URL: one process, in memory, as before.
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';

export interface SharedRedis {
  /** The publishing connection; also the rate limits' store. */
  pub: Redis;
  /** The subscribing connection (a subscriber may not run other commands). */
  sub: Redis;
  /** socket.io's adapter over the two, keyed by `prefix`. */
  adapter: ReturnType<typeof createAdapter>;
  /** Key prefix of this deployment's keys (rate limits, ownership). */
  prefix: string;
  close(): Promise<void>;
}

/** REDIS_URL as a checked URL (redis://, rediss://, or unix:/path for a socket); null when unset. */
export function redisUrlFrom(v: string | undefined): string | null {
  if (v === undefined || v === '') return null;
  if (!/^(rediss?:\/\/|unix:\/)/.test(v)) throw new Error(`REDIS_URL "${v}" phải bắt đầu bằng redis://, rediss:// hoặc unix:/ / must start with redis://, rediss:// or unix:/`);
  return v;
}

function client(url: string): Redis {
  // A socket path (unix:/run/redis.sock) or a URL; reconnects on its own, and keeps trying commands while it does.
  const common = { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: false } as const;
  return url.startsWith('unix:') ? new Redis({ ...common, path: url.slice('unix:'.length) }) : new Redis(url, common);
}

/** Opens both connections and waits until they answer; throws a clear error when Redis cannot be reached. */
export async function openSharedRedis(url: string, centreId: string): Promise<SharedRedis> {
  const pub = client(url);
  const sub = pub.duplicate();
  try {
    await Promise.all([pub.ping(), sub.ping()]);
  } catch (e) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(`Không kết nối được Redis (REDIS_URL) / cannot reach Redis: ${(e as Error).message}`);
  }
  const prefix = `motcua:${centreId}`;
  return {
    pub,
    sub,
    prefix,
    adapter: createAdapter(pub, sub, { key: `${prefix}:socket.io` }),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
