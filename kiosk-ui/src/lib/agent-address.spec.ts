import { describe, expect, it } from 'vitest';
import { agentSocketUrl, chooseAgent, DEFAULT_AGENT } from './agent-address.ts';

describe('the kiosk agent’s address', () => {
  it('takes the WebSocket form or the agent’s http address', () => {
    expect(agentSocketUrl('ws://127.0.0.1:8182/ws')).toBe('ws://127.0.0.1:8182/ws');
    expect(agentSocketUrl('http://127.0.0.1:8182')).toBe('ws://127.0.0.1:8182/ws');
    expect(agentSocketUrl('http://127.0.0.1:8182/')).toBe('ws://127.0.0.1:8182/ws');
    expect(agentSocketUrl('https://kiosk.local:9443')).toBe('wss://kiosk.local:9443/ws');
    for (const bad of ['', null, undefined, '127.0.0.1:8182', 'javascript:alert(1)', 'file:///etc/passwd']) expect(agentSocketUrl(bad)).toBeNull();
  });

  it('prefers the install URL, then the server’s answer, then the default port', () => {
    expect(chooseAgent('http://127.0.0.1:9000', 'ws://127.0.0.1:8182/ws')).toBe('ws://127.0.0.1:9000/ws');
    expect(chooseAgent(null, 'ws://127.0.0.1:8182/ws')).toBe('ws://127.0.0.1:8182/ws');
    expect(chooseAgent('not a url', 'ws://127.0.0.1:8182/ws')).toBe('ws://127.0.0.1:8182/ws');
    expect(chooseAgent(null, null)).toBe(DEFAULT_AGENT);
    expect(DEFAULT_AGENT).toBe('ws://127.0.0.1:8181/ws');
  });
});
