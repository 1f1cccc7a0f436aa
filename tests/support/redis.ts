// For tests of several servers: the Redis of TEST_REDIS_URL (the test command
// starts one, scripts/redis.mjs), or, run alone without it, a throwaway one
// started here through the same module and stopped when the process ends. Never a skip.
// Not REDIS_URL: servers the tests start as processes inherit the environment.
import { startRedis } from '../../scripts/redis.mjs';

let own: string | null = null;

export function testRedisUrl(): string {
  const env = process.env.TEST_REDIS_URL;
  if (env) return env;
  own ??= startRedis().url;
  return own;
}
