// `npm run province -- user add <name> --role manager|admin [--name "Họ tên"]`, `user passwd <name>`,
// `user remove <name>`, `user list`: the province office's accounts, kept in the registry file
// (PROVINCE_CENTRES) as argon2 hashes. The password comes from standard input, as `npm run user`'s.
// The file is rewritten whole (a temporary file, then a rename); a running province server sees the
// change at its next start.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import argon2 from 'argon2';
import { MIN_PASSWORD } from '../services/auth.service.ts';
import { newPassword } from '../password-input.ts';
import { loadRegistry, type ProvinceUser } from './registry.ts';

const USAGE = `Dùng / usage (PROVINCE_CENTRES=<tệp danh sách / the registry file>):
  npm run province -- user add <tên> --role manager|admin [--name "Họ tên"]
  npm run province -- user passwd <tên> | remove <tên> | list
  (mật khẩu đọc từ bàn phím hoặc một dòng qua ống / the password is read from the terminal or one line of a pipe)`;

const option = (args: string[], name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);

async function hashed(): Promise<string> {
  const password = await newPassword();
  if ([...password].length < MIN_PASSWORD) throw new Error(`Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự / the password needs at least ${MIN_PASSWORD} characters`);
  return argon2.hash(password);
}

export async function provinceUserCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const [cmd, name, ...rest] = argv;
  const file = env.PROVINCE_CENTRES;
  if (!file) {
    process.stderr.write(`Đặt PROVINCE_CENTRES / set PROVINCE_CENTRES\n${USAGE}\n`);
    return 2;
  }
  try {
    loadRegistry(file);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { users?: ProvinceUser[] };
    const users = raw.users ?? [];
    const save = () => {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify({ ...raw, users }, null, 2)}\n`, { mode: 0o600 });
      renameSync(tmp, file);
    };
    const find = () => {
      const u = users.find((x) => x.username === name);
      if (!u) throw new Error(`Không có tài khoản "${name}" / no account "${name}"`);
      return u;
    };
    switch (cmd) {
      case 'add': {
        const role = option(rest, '--role');
        if (!name || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) throw new Error(`Tên đăng nhập không hợp lệ (chữ thường, số, . _ -) / not a valid username\n${USAGE}`);
        if (role !== 'manager' && role !== 'admin') throw new Error(`--role phải là manager hoặc admin / --role must be manager or admin\n${USAGE}`);
        if (users.some((u) => u.username === name)) throw new Error(`Đã có tài khoản "${name}" / "${name}" exists`);
        const displayName = option(rest, '--name');
        users.push({ username: name, passwordHash: await hashed(), role, ...(displayName ? { displayName } : {}) });
        save();
        process.stdout.write(`Đã tạo / created ${name} (${role})\n`);
        return 0;
      }
      case 'passwd': {
        const u = find();
        u.passwordHash = await hashed();
        save();
        process.stdout.write(`Đã đổi mật khẩu / password changed: ${name}\n`);
        return 0;
      }
      case 'remove': {
        users.splice(users.indexOf(find()), 1);
        save();
        process.stdout.write(`Đã xoá / removed ${name}\n`);
        return 0;
      }
      case 'list':
        for (const u of users) process.stdout.write(`${u.username}\t${u.role}\t${u.displayName ?? ''}\n`);
        return 0;
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
}
