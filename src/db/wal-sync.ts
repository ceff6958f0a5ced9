/**
 * Group commit for SQLite without blocking the event loop. better-sqlite3
 * runs a `synchronous=FULL` commit's fsync on the main thread (3–7 ms on the
 * development disk), during which no request is parsed. Instead, a commit
 * made with `synchronous=NORMAL` (in WAL mode: its frames written to the
 * log, not yet flushed) is followed by `flush()`: one fdatasync of the log
 * file on libuv's thread pool, shared by every commit made before it started.
 *
 * Why that is as durable as FULL: in WAL mode FULL means exactly one sync of
 * the -wal file after the commit's frames are written. Frames leave that file
 * only through a checkpoint, which under NORMAL syncs the log before and the
 * database after copying them; so a flushed frame is either in the synced log
 * or in the synced database. Should the log file be replaced (the last
 * connection closing deletes it after a checkpoint), the handle is reopened.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';

export class WalSync {
  /** Flushes asked for (each after its commit) and flushes known to be on disk, as counters. */
  private requested = 0;
  private synced = 0;
  private running: Promise<void> | undefined;
  private handle: { file: FileHandle; ino: number } | undefined;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything committed before the call is on disk. */
  async flush(): Promise<void> {
    const ticket = ++this.requested;
    while (this.synced < ticket) {
      this.running ??= this.sync().finally(() => (this.running = undefined));
      await this.running;
    }
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.handle?.file.close();
    this.handle = undefined;
  }

  private async sync(): Promise<void> {
    // Everything asked for until now was committed before this point, so one flush from here covers it.
    const target = this.requested;
    // The open log is flushed while the path is checked (one wait on the thread pool, not two); only a replaced file needs a second flush.
    const current = this.handle;
    const [{ ino }] = await Promise.all([stat(this.walPath), current?.file.datasync()]);
    if (current?.ino !== ino) await (await this.reopen()).datasync();
    this.synced = Math.max(this.synced, target);
  }

  private async reopen(): Promise<FileHandle> {
    await this.handle?.file.close();
    const file = await open(this.walPath, 'r');
    // The inode opened, not the one stat saw a moment earlier (the file could be replaced in between).
    this.handle = { file, ino: (await file.stat()).ino };
    return file;
  }
}
