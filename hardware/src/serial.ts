/** Opens a serial port and resolves once it is open (node-serialport's callback style, promised). */
import { SerialPort } from 'serialport';

export function openSerialPort(path: string, baudRate = 9600): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const p = new SerialPort({ path, baudRate, autoOpen: false });
    p.open((e) => (e ? reject(e) : resolve(p)));
  });
}
