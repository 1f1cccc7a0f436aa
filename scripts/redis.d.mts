// Types of redis.mjs for the TypeScript that imports it (the tests).
export declare const REDIS_SERVER: string;
export declare function startRedis(opts?: { log?: (line: string) => void }): { url: string; dir: string; stop(): void };
