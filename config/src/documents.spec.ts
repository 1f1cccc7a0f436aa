import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from './load.ts';
import { centerConfigSchema } from './schema.ts';
import { configToYaml } from './dump.ts';
import { parse } from 'yaml';
import { checklist, documentGuide, documentName, renameDocuments, type ProcedureDocument } from './documents.ts';

const docs: ProcedureDocument[] = ['Tờ khai', { name: 'Giấy chứng sinh', howToGet: 'Do cơ sở y tế nơi sinh cấp' }, { name: 'Căn cước', formName: 'Mẫu CC01' }];

describe('procedure documents with guidance', () => {
  it('reads a plain name and a guided document alike', () => {
    expect(docs.map(documentName)).toEqual(['Tờ khai', 'Giấy chứng sinh', 'Căn cước']);
    expect(documentGuide('Tờ khai')).toEqual({ name: 'Tờ khai' });
    expect(documentGuide(docs[1]!)).toEqual({ name: 'Giấy chứng sinh', howToGet: 'Do cơ sở y tế nơi sinh cấp' });
  });

  it('names what is missing with what to do, and counts what the citizen has', () => {
    const c = checklist(docs, [0, 2]);
    expect(c).toEqual({ total: 3, have: 2, missing: [{ name: 'Giấy chứng sinh', howToGet: 'Do cơ sở y tế nơi sinh cấp' }] });
    expect(checklist(docs, []).missing.map((m) => m.name)).toEqual(['Tờ khai', 'Giấy chứng sinh', 'Căn cước']);
    // a repeated or out-of-range tick counts once or not at all
    expect(checklist(docs, [1, 1, 7, -1]).have).toBe(1);
  });

  it('keeps the guidance of a document whose name stays when the names are edited', () => {
    expect(renameDocuments(docs, ['Giấy chứng sinh', 'Sổ hộ khẩu'])).toEqual([{ name: 'Giấy chứng sinh', howToGet: 'Do cơ sở y tế nơi sinh cấp' }, 'Sổ hộ khẩu']);
  });

  it('the demo centre gives guidance for its common documents and survives the YAML round trip', () => {
    const demo = loadDemoConfig();
    const guided = demo.procedures.flatMap((p) => p.documents).filter((d) => typeof d !== 'string' && d.howToGet);
    expect(guided.length).toBeGreaterThanOrEqual(20);
    const birth = demo.procedures.find((p) => p.code === '1.001193')!;
    expect(documentGuide(birth.documents[1]!).howToGet).toMatch(/cơ sở y tế/);
    expect(centerConfigSchema.parse(parse(configToYaml(demo)))).toEqual(demo);
  });

  it('refuses a guided document without a name, saying where', () => {
    const demo = loadDemoConfig();
    const bad = structuredClone(demo) as unknown as { procedures: { documents: unknown[] }[] };
    bad.procedures[0]!.documents[0] = { howToGet: 'x' };
    const r = centerConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.slice(0, 3)).toEqual(['procedures', 0, 'documents']);
  });
});
