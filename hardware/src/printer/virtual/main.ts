/**
 * The virtual printer on its own, for trying a kiosk or a printer config without paper:
 *   VP_PORT=9100 VP_HOST=127.0.0.1 DATA_DIR=./data [VP_SERIAL=/dev/pts/5] pnpm exec tsx hardware/src/printer/virtual/main.ts
 * To behave like clone firmware: VP_CP1258_PAGE=94 VP_MARKS_OWN_CELL=1 VP_DOUBLE_BYTE=1.
 */
import { VirtualPrinter } from './virtual-printer.ts';

const vp = new VirtualPrinter({
  dataDir: process.env.DATA_DIR ?? './data',
  paperWidth: process.env.VP_PAPER === '58' ? 58 : 80,
  cp1258Page: process.env.VP_CP1258_PAGE ? Number(process.env.VP_CP1258_PAGE) : undefined,
  marksInOwnCell: process.env.VP_MARKS_OWN_CELL === '1',
  doubleByteAtStart: process.env.VP_DOUBLE_BYTE === '1',
});
const { host, port } = await vp.listenTcp(Number(process.env.VP_PORT ?? 9100), process.env.VP_HOST ?? '127.0.0.1');
console.log(`virtual printer: tcp ${host}:${port}, tickets in ${vp.outputDir}`);
if (process.env.VP_SERIAL) {
  await vp.openSerial(process.env.VP_SERIAL);
  console.log(`virtual printer: serial ${process.env.VP_SERIAL}`);
}
vp.on('printed', (p) => console.log(`printed #${p.seq}: ${p.pngPath}`));
const stop = () => void vp.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
