// `npm run user -- add <username> --role staff|manager|admin [--name "Họ tên"] [--counters quay-1,quay-2]`,
// `passwd <username>`, `disable <username>`, `enable <username>`, `unlock <username>`, `list`.
// Works on the server's data folder (DATA_DIR, default ./data, as the server) through the store,
// so it runs with the server stopped; a running server sees the change at its next start.
// Passwords come from standard input: typed hidden on a terminal (twice), one line from a pipe.
import { settingsFromEnv } from './server.ts';
import type { Role } from './store/index.ts';
import { openStore } from './store/open.ts';
import { AuthService } from './services/auth.service.ts';
import { AccountService, ROLES } from './services/account.service.ts';
import { DomainError } from './domain/index.ts';
import { newPassword } from './password-input.ts';

const USAGE = `Dùng / usage:
  npm run user -- add <tên> --role staff|manager|admin [--name "Họ tên"] [--counters quay-1,quay-2]
  npm run user -- passwd <tên> | disable <tên> | enable <tên> | unlock <tên> | list
  (mật khẩu đọc từ bàn phím hoặc một dòng qua ống / the password is read from the terminal or one line of a pipe;
   DATA_DIR chọn thư mục dữ liệu / selects the data folder)`;

const ACTOR = 'cli';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, name, ...rest] = argv;
  const outcome = settingsFromEnv(process.env, { demo: false });
  if (!outcome.ok) {
    process.stderr.write(`${outcome.message}\n`);
    return 2;
  }
  const { dataDir, config } = outcome.settings;
  if (!cmd || (cmd !== 'list' && !name)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // The server's store: PostgreSQL with DATABASE_URL, else the data folder's file.
  const { port } = await openStore(outcome.settings.store ?? { kind: 'sqlite' }, dataDir, { configCenterId: config.center.id, groupCommit: false });
  try {
    const auth = new AuthService(config, port, Date.now);
    await auth.loadUsers();
    const accounts = new AccountService(config, port, auth, Date.now);
    switch (cmd) {
      case 'list':
        for (const u of accounts.list()) {
          const where = u.counterIds ? ` [${u.counterIds.join(',')}]` : u.counterId ? ` [${u.counterId}]` : '';
          process.stdout.write(`${u.username}\t${u.role}\t${u.fullName}${where}${u.disabled ? '\t(khoá / disabled)' : ''}\n`);
        }
        return 0;
      case 'add': {
        const role = option(rest, '--role') as Role | undefined;
        if (!role || !ROLES.includes(role)) {
          process.stderr.write(`Hãy chọn --role staff, manager hoặc admin / choose --role staff|manager|admin\n${USAGE}\n`);
          return 2;
        }
        const counters = option(rest, '--counters');
        const password = await newPassword();
        const u = await accounts.create(ACTOR, {
          username: name!,
          password,
          role,
          fullName: option(rest, '--name') ?? name!,
          ...(counters ? { counterIds: counters.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
        });
        process.stdout.write(`Đã tạo tài khoản / created ${u.username} (${u.role}) trong / in ${dataDir}\n`);
        return 0;
      }
      case 'passwd':
        await accounts.resetPassword(ACTOR, name!, await newPassword());
        process.stdout.write(`Đã đổi mật khẩu / password changed: ${name}\n`);
        return 0;
      case 'disable':
      case 'enable':
        await accounts.setDisabled(ACTOR, name!, cmd === 'disable');
        process.stdout.write(`${cmd === 'disable' ? 'Đã khoá / disabled' : 'Đã mở lại / enabled'}: ${name}\n`);
        return 0;
      case 'unlock':
        await accounts.unlock(ACTOR, name!);
        // The back-off lives in the server's memory: a running server clears it over the API.
        process.stdout.write(`Đã ghi / recorded: ${name}. Máy chủ đang chạy: dùng POST /api/v1/admin/users/${name}/unlock / a running server: use the API\n`);
        return 0;
      default:
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    process.stderr.write(`${e instanceof DomainError ? e.message : (e as Error).message}\n`);
    return 1;
  } finally {
    await port.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
