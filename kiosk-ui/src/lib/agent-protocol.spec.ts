import { describe, expect, it } from 'vitest';
import { parseAgentMessage } from './agent-protocol.ts';

describe('parseAgentMessage', () => {
  it('accepts the three message kinds of the agent', () => {
    expect(parseAgentMessage('{"type":"print.result","requestId":"r1","ok":true}')).toMatchObject({ type: 'print.result', ok: true });
    expect(parseAgentMessage('{"type":"scan","source":"qr","raw":"x","cccd":null,"error":null}')?.type).toBe('scan');
    expect(parseAgentMessage('{"type":"status","parts":[]}')?.type).toBe('status');
  });
  it('ignores anything else without throwing', () => {
    expect(parseAgentMessage('not json')).toBeNull();
    expect(parseAgentMessage('{"type":"hello"}')).toBeNull();
    expect(parseAgentMessage('null')).toBeNull();
    expect(parseAgentMessage(new ArrayBuffer(2))).toBeNull();
  });
});
