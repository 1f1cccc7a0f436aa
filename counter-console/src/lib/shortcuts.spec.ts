import { describe, expect, it } from 'vitest';
import { actionForKey, outcomeIndexForKey } from './shortcuts.ts';

describe('actionForKey', () => {
  it('maps the documented keys, in either case', () => {
    expect(actionForKey({ key: 'F1' })).toBe('next');
    expect(actionForKey({ key: ' ' })).toBe('next');
    expect(actionForKey({ key: 'R' })).toBe('recall');
    expect(actionForKey({ key: 's' })).toBe('start');
    expect(actionForKey({ key: 'f' })).toBe('finish');
    expect(actionForKey({ key: 'n' })).toBe('noShow');
    expect(actionForKey({ key: 't' })).toBe('transfer');
    expect(actionForKey({ key: 'P' })).toBe('park');
  });
  it('ignores keys typed into form fields and with modifiers', () => {
    expect(actionForKey({ key: 'f', targetTag: 'input' })).toBeNull();
    expect(actionForKey({ key: 'n', targetTag: 'SELECT' })).toBeNull();
    expect(actionForKey({ key: 'r', ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: 'F1', metaKey: true })).toBeNull();
  });
  it('leaves Space on a focused button to the button', () => {
    expect(actionForKey({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(actionForKey({ key: 'F1', targetTag: 'BUTTON' })).toBe('next');
  });
  it('returns null for other keys', () => {
    expect(actionForKey({ key: 'x' })).toBeNull();
    expect(actionForKey({ key: 'Enter' })).toBeNull();
  });
});

describe('outcome keys', () => {
  it('1–4 pick the outcomes in order, never while typing or with a modifier', () => {
    expect(['1', '2', '3', '4'].map((key) => outcomeIndexForKey({ key }))).toEqual([0, 1, 2, 3]);
    expect(outcomeIndexForKey({ key: '5' })).toBeNull();
    expect(outcomeIndexForKey({ key: '1', targetTag: 'input' })).toBeNull();
    expect(outcomeIndexForKey({ key: '2', ctrlKey: true })).toBeNull();
  });
});
