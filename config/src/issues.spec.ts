import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { bilingualErrorMap, formatPath, issueLines } from './issues.ts';

describe('formatPath', () => {
  it.each([
    [['counters', 3, 'serviceIds', 0], 'counters[3].serviceIds[0]'],
    [['counters', 1, 'weights', 'dat-dai'], 'counters[1].weights.dat-dai'],
    [[0, 'a'], '[0].a'],
    [[], '(root)'],
    // A key the property test found (a weight named " "): quoted, so the message reads "path: text".
    [['counters', 2, 'weights', ' '], 'counters[2].weights[" "]'],
    [['counters', 2, 'weights', ''], 'counters[2].weights[""]'],
    [['a.b', 'c: d'], '["a.b"]["c: d"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('bilingualErrorMap', () => {
  const lines = (schema: z.ZodType, data: unknown) => {
    const r = schema.safeParse(data, { error: bilingualErrorMap });
    return r.success ? [] : issueLines(r.error.issues);
  };

  it('names a misspelt key in a strict mapping', () => {
    expect(lines(z.strictObject({ name: z.string() }), { name: 'a', nmae: 'b' })).toEqual([
      '(root): khoá không dùng được, có thể viết sai: "nmae" (unknown key, maybe misspelt)',
    ]);
  });

  it('words sizes of text, lists and numbers', () => {
    expect(lines(z.object({ s: z.string().min(1), l: z.array(z.number()).max(1), n: z.number().max(5) }), { s: '', l: [1, 2], n: 6 })).toEqual([
      's: không được để trống (must not be empty)',
      'l: tối đa 1 mục (at most 1 item)',
      'n: tối đa là 5 (must be at most 5)',
    ]);
  });

  it('leaves a message the schema sets itself', () => {
    expect(lines(z.string().regex(/^a$/, 'chỉ "a" (only "a")'), 'b')).toEqual(['(root): chỉ "a" (only "a")']);
  });
});
