/** The kiosk agent's process: the devices of AGENT_CONFIG, or simulators with AGENT_SIMULATE=1. */
import { startAgent } from './agent.ts';

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

try {
  const agent = await startAgent({
    allowedOrigins: list(process.env.AGENT_ALLOWED_ORIGINS),
    allowedHosts: list(process.env.AGENT_ALLOWED_HOSTS),
  });
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
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'EADDRINUSE'
      ? `cổng ${process.env.AGENT_PORT ?? 8181} đang được dùng, đặt AGENT_PORT khác / port in use, set another AGENT_PORT`
      : err.message;
  console.error(`Không khởi động được kiosk-agent / kiosk-agent could not start: ${why}`);
  process.exit(1);
}
