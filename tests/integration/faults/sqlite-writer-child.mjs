// A second writer on the app's SQLite file, as another process (a cron job, a second instance, a
// sqlite3 shell) would be: over and over it takes the write lock, writes, holds the lock for a
// while and commits. Used by tests/integration/faults/sqlite-writer.test.ts.
//   node sqlite-writer-child.mjs <file> <minHoldMs> <maxHoldMs> <minPauseMs> <maxPauseMs>
// Prints "ready" once it has committed, and "commits <json: epoch ms of every commit>" when its stdin
// closes, then exits.
//
// It asks for the lock itself every millisecond rather than through busy_timeout: SQLite's busy
// handler sleeps longer and longer between attempts (up to 100 ms), so on a loaded machine a writer
// waiting that way could lose nearly every race to the app and commit only a handful of times.
import Database from "better-sqlite3";

const [file, minHold, maxHold, minPause, maxPause] = process.argv.slice(2);
const between = (lo, hi) => Number(lo) + Math.random() * (Number(hi) - Number(lo));
const GIVE_UP_MS = 30_000;
const db = new Database(file, { timeout: 0 });
const block = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms) => Atomics.wait(block, 0, 0, ms);

/** BEGIN IMMEDIATE, polling the lock every millisecond until it is ours. */
function beginImmediate() {
  const start = Date.now();
  for (;;) {
    try {
      db.exec("BEGIN IMMEDIATE");
      return;
    } catch (error) {
      if (error?.code !== "SQLITE_BUSY" || Date.now() - start > GIVE_UP_MS) throw error;
      sleep(1);
    }
  }
}

beginImmediate();
db.exec(`CREATE TABLE IF NOT EXISTS "faultWriterTick" ("n" INTEGER PRIMARY KEY AUTOINCREMENT, "heldMs" REAL NOT NULL)`);
db.exec("COMMIT");
const insert = db.prepare(`INSERT INTO "faultWriterTick" ("heldMs") VALUES (?)`);

const commits = [];
let stopping = false;
process.stdin.on("end", () => (stopping = true));
process.stdin.resume();

function cycle() {
  if (stopping) {
    db.close();
    process.stdout.write(`commits ${JSON.stringify(commits)}\n`);
    return;
  }
  const hold = between(minHold, maxHold);
  beginImmediate();
  insert.run(hold);
  sleep(hold); // keep the write lock, as a slow writer does
  db.exec("COMMIT");
  commits.push(Date.now());
  if (commits.length === 1) process.stdout.write("ready\n");
  setTimeout(cycle, between(minPause, maxPause));
}
cycle();
