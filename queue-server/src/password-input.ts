// Passwords for the command-line tools (npm run user, npm run province -- user): typed hidden on a
// terminal (twice), or one line from a pipe.
/** One line from a pipe, or typed without echo on a terminal. */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let data = '';
    for await (const chunk of stdin) {
      data += String(chunk);
      if (data.includes('\n')) break;
    }
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          return reject(new Error('Đã huỷ / cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function newPassword(): Promise<string> {
  const first = await readPassword('Mật khẩu mới / new password: ');
  if (process.stdin.isTTY) {
    const again = await readPassword('Nhập lại / again: ');
    if (again !== first) throw new Error('Hai lần nhập không khớp / the two entries differ');
  }
  return first;
}

