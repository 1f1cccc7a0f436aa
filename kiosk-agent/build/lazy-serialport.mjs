// Stands in for `serialport` inside the bundle. The hardware drivers (and the virtual printer,
// for its pty mode) import it at the top, and loading it pulls in the native bindings and
// costs ~10 MB of RSS even on a kiosk that never opens a serial port. Here it is loaded on the
// first `new SerialPort(...)` or static access (SerialPort.list). `instanceof SerialPort` does
// not work through this stand-in; nothing in hardware/ uses it.
import { createRequire } from 'node:module';

let real;
// import.meta.url is the bundle's own file, so this resolves kiosk-agent's own dependency.
const load = () => (real ??= createRequire(import.meta.url)('serialport').SerialPort);

// A plain function as the target: a class's `prototype` is read-only, and a proxy may not
// report another value for it.
export const SerialPort = new Proxy(function SerialPort() {}, {
  construct: (_target, args) => Reflect.construct(load(), args),
  get: (_target, key) => Reflect.get(load(), key),
});
