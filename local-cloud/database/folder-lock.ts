/**
 * One process per data folder: a LOCK file holding the owner's pid.
 *
 * Two processes appending to one journal would interleave lines and each would miss the other's
 * writes in memory. A lock left by a process that died (its pid no longer exists) is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const LOCK_FILE = 'LOCK';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the folder's lock or throw; returns the function that releases it. */
export function lockFolder(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `local database: ${dir} is already open by process ${owner}` +
            (owner === process.pid ? ' (this process: close the other LocalDatabase first)' : '') +
            '. Two processes must not share a data folder.',
        );
      }
      // Stale lock from a dead process (or an empty file from a crash mid-write): take it over.
      fs.unlinkSync(file);
    }
  }
  throw new Error(`local database: could not take the lock on ${dir} (another process raced for it)`);
}
