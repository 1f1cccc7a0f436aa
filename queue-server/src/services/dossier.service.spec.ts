// Dossier status by the receipt's code, over a real SQLite file (the demo's local table)
// and over a source that fails: the public answer carries the applicant's initials only.
import { afterEach, describe, expect, it } from 'vitest';
import { SqlitePort } from '../store/index.ts';
import { DEMO_DOSSIER_CODES, DossierService, initials, seedDemoDossiers } from './dossier.service.ts';
import { openQueue, type QueueFixture } from './queue.fixture.ts';

let f: QueueFixture;
afterEach(() => f?.close());

describe('DossierService', () => {
  it('answers a known code whatever its case and spaces, with initials and the status in Vietnamese', async () => {
    f = await openQueue();
    const port = new SqlitePort(f.store);
    await seedDemoDossiers(port, f.queue.centre.config, f.clock.now);
    const s = new DossierService(f.queue.centre.config, { find: port.reads.dossier });
    const d = await s.status(` ${DEMO_DOSSIER_CODES[3].toLowerCase()} `);
    expect(d).toMatchObject({ code: DEMO_DOSSIER_CODES[3], status: 'ready', applicantInitials: 'P. T. L.', statusText: expect.stringMatching(/^Đã có kết quả — mời đến nhận \/ Result ready/) });
    expect(JSON.stringify(d)).not.toContain('Phạm Thị Lan');
    expect(d.procedureName).not.toBe(d.procedureCode);
  });

  it('refuses a malformed code before asking the source, and says plainly when a code is unknown', async () => {
    f = await openQueue();
    const asked: string[] = [];
    const s = new DossierService(f.queue.centre.config, { find: async (code) => (asked.push(code), null) });
    await expect(s.status('261120-HT01')).rejects.toThrow(expect.objectContaining({ code: 'bad_dossier_code' }));
    expect(asked).toEqual([]);
    await expect(s.status('261120-HT01-0099')).rejects.toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining('261120-HT01-0099') }));
    expect(asked).toEqual(['261120-HT01-0099']);
  });

  it('initials keep each word’s first letter with its diacritic, upper case', () => {
    expect(initials('  lê   thị ánh ')).toBe('L. T. Á.');
  });
});
