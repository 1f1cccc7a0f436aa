export { startAgent, type AgentOptions, type RunningAgent } from './agent.ts';
export { simulatedConfig, loadAgentConfig, type AgentConfig } from './config.ts';
export type { Inbound } from './protocol.ts';
