// The SQLite connection lock (lib/db/connect.ts) with the acquire bound: a request that cannot get
// the connection within `ms` fails with AcquireTimeoutError (503) instead of queueing for good.
// Two checks, because better-sqlite3 waits out busy_timeout synchronously: while it blocks the
// event loop no timer fires, and the lock passes from holder to waiter before the waiter's timer
// can run; so a waiter also checks, once it holds the lock, how long it actually waited.
import { Mutex, withTimeout, type MutexInterface } from "async-mutex";
import { AcquireTimeoutError } from "./unavailable";

export function boundedLock(ms: number): MutexInterface {
  const timed = withTimeout(new Mutex(), ms, new AcquireTimeoutError("the database connection"));
  const acquire = async (priority?: number): Promise<MutexInterface.Releaser> => {
    const started = performance.now();
    const release = await timed.acquire(priority);
    if (performance.now() - started > ms) {
      release();
      throw new AcquireTimeoutError("the database connection");
    }
    return release;
  };
  return {
    acquire,
    async runExclusive<T>(callback: MutexInterface.Worker<T>, priority?: number): Promise<T> {
      const release = await acquire(priority);
      try {
        return await callback();
      } finally {
        release();
      }
    },
    waitForUnlock: (priority?: number) => timed.waitForUnlock(priority),
    isLocked: () => timed.isLocked(),
    release: () => timed.release(),
    cancel: () => timed.cancel(),
  };
}
