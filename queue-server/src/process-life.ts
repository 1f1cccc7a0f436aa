// What the queue-server and the province server processes share about their own life: a stop on a
// signal that never hangs, and a failed start said in one line, never a stack trace.

/** On SIGINT or SIGTERM: `close`, then exit; whatever is still open after 5 s is cut. */
export function stopOnSignals(close: () => Promise<void>): void {
  const stop = async () => {
    setTimeout(() => process.exit(0), 5000).unref();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Why a start failed, in one line: the port taken, or the error's own message. */
export function startFailure(e: unknown, port: number): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'EADDRINUSE' ? `Cổng ${port} đang được dùng; đặt PORT khác / port ${port} is in use; set another PORT` : `Không khởi động được: ${err.message} / could not start`;
}
