// A second writer on the app's SQLite file, as another process (a cron job, a second instance, a
// sqlite3 shell) would be: over and over it takes the write lock, writes, holds the lock for a
// while and commits. Used by tests/integration/faults/sqlite-writer.test.ts.
//   node sqlite-writer-child.mjs <file> <minHoldMs> <maxHoldMs> <minPauseMs> <maxPauseMs>
// Prints "ready" once writing, and "commits <n>" when its stdin closes, then exits.
import Database from "better-sqlite3";

const [file, minHold, maxHold, minPause, maxPause] = process.argv.slice(2);
const between = (lo, hi) => Number(lo) + Math.random() * (Number(hi) - Number(lo));
const db = new Database(file, { timeout: 15_000 });
db.exec(`CREATE TABLE IF NOT EXISTS "faultWriterTick" ("n" INTEGER PRIMARY KEY AUTOINCREMENT, "heldMs" REAL NOT NULL)`);
const insert = db.prepare(`INSERT INTO "faultWriterTick" ("heldMs") VALUES (?)`);
const block = new Int32Array(new SharedArrayBuffer(4));

let commits = 0;
let stopping = false;
process.stdin.on("end", () => (stopping = true));
process.stdin.resume();

function cycle() {
  if (stopping) {
    db.close();
    process.stdout.write(`commits ${commits}\n`);
    return;
  }
  const hold = between(minHold, maxHold);
  db.exec("BEGIN IMMEDIATE");
  insert.run(hold);
  Atomics.wait(block, 0, 0, hold); // keep the write lock, as a slow writer does
  db.exec("COMMIT");
  commits++;
  if (commits === 1) process.stdout.write("ready\n");
  setTimeout(cycle, between(minPause, maxPause));
}
cycle();
