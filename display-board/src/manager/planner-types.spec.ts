// The planner page words the server's findings in the reader's language, hours included.
// It must word the hours exactly as the server does: the same function, not a copy of it.
import { describe, expect, it } from 'vitest';
import { hourSpans as shared } from '@mot-cua/config/hours.ts';
import { hourSpans } from './planner-types.ts';

describe('the planner page words hours', () => {
  it('with the function the server words its findings with (config/hours.ts), not a copy', () => {
    expect(hourSpans).toBe(shared);
    expect(hourSpans([9, 8, 15])).toBe('8:00–10:00, 15:00–16:00');
  });
});
