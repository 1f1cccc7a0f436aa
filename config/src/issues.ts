// Turns zod issues into one line each, "counters[3].serviceIds[0]: message",
// worded in Vietnamese first with the English after it in brackets, the way a
// centre's IT officer reads them in a terminal.
import type { z } from 'zod';

/** `['counters', 3, 'serviceIds', 0]` → `counters[3].serviceIds[0]`. */
/** A key written bare in a path (`weights.dat-dai`); any other — blank, with a space, a dot, a bracket, a quote, a colon — is quoted (`weights[" "]`), so the path reads as one and the message after it is never mistaken for it. */
const BARE_KEY = /^[^\s.[\]"':]+$/u;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (BARE_KEY.test(String(key))) out += (out === '' ? '' : '.') + String(key);
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

const typeNames: Record<string, [vi: string, en: string]> = {
  string: ['văn bản', 'text'],
  number: ['số', 'a number'],
  int: ['số nguyên', 'an integer'],
  boolean: ['true hoặc false', 'true or false'],
  array: ['danh sách', 'a list'],
  object: ['nhóm khoá: giá trị', 'a mapping'],
  record: ['nhóm khoá: giá trị', 'a mapping'],
  null: ['trống', 'empty'],
  undefined: ['không có', 'missing'],
};

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeof input;
}

const named = (kind: string): [string, string] => typeNames[kind] ?? [kind, kind];

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return 'bắt buộc, còn thiếu (required)';
  const got = kindOf(input);
  if (expected === 'string' && (got === 'number' || got === 'boolean'))
    return `phải là văn bản, hãy đặt trong dấu nháy: "${String(input)}" (expected text; put it in quotes)`;
  if (expected === 'int' && got === 'number') return 'phải là số nguyên (expected an integer)';
  const [wantVi, wantEn] = named(expected);
  const [gotVi, gotEn] = named(got);
  const gotPhrase = got === 'null' ? 'đang để trống' : `đang là ${gotVi}`;
  return `phải là ${wantVi}, ${gotPhrase} (expected ${wantEn}, received ${gotEn})`;
}

function size(kind: 'small' | 'big', origin: string, bound: number | bigint, inclusive: boolean, exact: boolean): string {
  const n = String(bound);
  if (origin === 'string') {
    if (kind === 'small' && Number(bound) === 1) return 'không được để trống (must not be empty)';
    return kind === 'small' ? `ít nhất ${n} ký tự (at least ${n} characters)` : `tối đa ${n} ký tự (at most ${n} characters)`;
  }
  if (origin === 'array' || origin === 'set') {
    const items = `${n} item${n === '1' ? '' : 's'}`;
    if (exact) return `phải có đúng ${n} mục (must have exactly ${items})`;
    return kind === 'small' ? `phải có ít nhất ${n} mục (must have at least ${items})` : `tối đa ${n} mục (at most ${items})`;
  }
  if (kind === 'small') return inclusive ? `phải từ ${n} trở lên (must be at least ${n})` : `phải lớn hơn ${n} (must be greater than ${n})`;
  return inclusive ? `tối đa là ${n} (must be at most ${n})` : `phải nhỏ hơn ${n} (must be less than ${n})`;
}

const listValues = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Error map passed to every parse. Messages the schema sets itself (already
 * bilingual) take precedence in zod, so this only words the generic issues.
 * Returning undefined leaves zod's own English message.
 */
export const bilingualErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue.expected, issue.input);
    case 'too_small':
      return size('small', issue.origin, issue.minimum, issue.inclusive ?? false, issue.exact ?? false);
    case 'too_big':
      return size('big', issue.origin, issue.maximum, issue.inclusive ?? false, issue.exact ?? false);
    case 'invalid_value':
      return `phải là một trong: ${listValues(issue.values)} (must be one of these)`;
    case 'invalid_format':
      if (issue.format === 'url') return 'phải là địa chỉ đầy đủ, ví dụ http://192.168.1.10:8080 (must be a full URL)';
      return `không đúng định dạng (invalid ${issue.format})`;
    case 'unrecognized_keys':
      return `khoá không dùng được, có thể viết sai: ${listValues(issue.keys)} (unknown key, maybe misspelt)`;
    case 'invalid_union': {
      // A union of literals (paper width 58 or 80): name the allowed values.
      const values = issue.errors.flat().flatMap((i) => (i.code === 'invalid_value' ? i.values : []));
      if (values.length > 0) return `phải là một trong: ${listValues(values)} (must be one of these)`;
      return 'giá trị không hợp lệ (invalid value)';
    }
    default:
      return undefined;
  }
};

export function issueLines(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}
