/** `npm start` for the kiosk agent: simulators unless AGENT_CONFIG names a config file. */
import { startAgent } from './agent.ts';

try {
  const agent = await startAgent();
  console.log(`kiosk-agent: ${agent.url} (WebSocket ${agent.url.replace('http', 'ws')}/ws)`);
  const stop = () => {
    agent.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  console.error(`kiosk-agent could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
