/** `npm start` for the kiosk agent: simulators unless AGENT_CONFIG names a config file. */
import { startAgent } from './agent.ts';

try {
  const agent = await startAgent({
    allowedOrigins: (process.env.AGENT_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
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
