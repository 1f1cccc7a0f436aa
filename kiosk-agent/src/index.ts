export { startAgent, type AgentOptions, type RunningAgent } from './agent.ts';
export { simulatedConfig, loadAgentConfig, type AgentConfig } from './config.ts';
export type { AgentMessage, KioskMessage } from '@mot-cua/ui-shared/agent-protocol.ts';
