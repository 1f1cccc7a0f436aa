// Which store the environment chooses (DATABASE_URL, CENTER_ID), as the server and `npm run user` read it.
import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../server.ts';
import { storeChoiceFromEnv } from './open.ts';

describe('the store the environment chooses', () => {
  it('no DATABASE_URL: SQLite, stamped with CENTER_ID or the configuration centre', () => {
    expect(storeChoiceFromEnv({}, 'ubnd-a')).toEqual({ kind: 'sqlite', centerId: 'ubnd-a' });
    expect(storeChoiceFromEnv({ DATABASE_URL: '', CENTER_ID: 'xa-b' }, 'ubnd-a')).toEqual({ kind: 'sqlite', centerId: 'xa-b' });
  });

  it('a postgres:// or postgresql:// URL: PostgreSQL for CENTER_ID, else the configuration centre', () => {
    expect(storeChoiceFromEnv({ DATABASE_URL: 'postgres://u@db/q' }, 'ubnd-a')).toEqual({ kind: 'postgres', url: 'postgres://u@db/q', centerId: 'ubnd-a' });
    expect(storeChoiceFromEnv({ DATABASE_URL: 'postgresql://u@db/q', CENTER_ID: 'xa-b' }, 'ubnd-a')).toEqual({ kind: 'postgres', url: 'postgresql://u@db/q', centerId: 'xa-b' });
  });

  it('another kind of URL stops the server with a message in Vietnamese and English', () => {
    expect(storeChoiceFromEnv({ DATABASE_URL: 'mysql://u@db/q' }, 'a')).toEqual({ error: expect.stringMatching(/^DATABASE_URL phải bắt đầu bằng postgres:\/\/ \/ DATABASE_URL must start with postgres:\/\//) });
    const outcome = settingsFromEnv({ DATABASE_URL: 'sqlite:///x.db' }, { demo: true });
    expect(outcome).toEqual({ ok: false, message: expect.stringContaining('postgres://') });
  });

  it("the server's settings carry the choice", () => {
    const outcome = settingsFromEnv({ DATABASE_URL: 'postgres://u@db/q', CENTER_ID: 'xa-b' }, { demo: true });
    expect(outcome.ok && outcome.settings.store).toEqual({ kind: 'postgres', url: 'postgres://u@db/q', centerId: 'xa-b' });
  });
});
