// The baselines load fastify and socket.io from the queue-server's own
// dependencies, so they run exactly the versions the server runs.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../queue-server/package.json');
export const requireFromServer = createRequire(serverPackage);
