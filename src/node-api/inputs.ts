// The command line's and the Node API's inputs: files, folders (read recursively, in name order)
// and `-` for standard input. A missing or unreadable path given is an InputError with one clear
// line; a folder's file that cannot be read is that file's problem, said when it is read.
import path from 'node:path';
import { textOrder } from '../lib/text-order.ts';
import { fs } from './node-fs.ts';

export interface Input {
  /** Path on disk, or `-` for standard input. */
  path: string;
  /** Name shown in the report: the path as given, or folder/relative path for a folder's files. */
  name: string;
  /** A regular file when the inputs were listed: it may be opened to learn its size (a pipe may
   *  not, which would leave its writer without a reader). */
  regular?: boolean;
}

export class InputError extends Error {}

/** An error of the file system (a failed open or read), not of the command. */
export const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  typeof (error as NodeJS.ErrnoException | undefined)?.syscall === 'string';

/** Why a file could not be read, in a few words. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  const message = error instanceof Error ? error.message : String(error);
  // Node's own wording ("EIO: i/o error, read '…'") up to what it was doing.
  return code && message.startsWith(`${code}: `) ? message.split(',')[0]! : (code ?? message);
}

function readable(file: string, shown: string) {
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    throw new InputError(`cannot read ${shown}: ${reason(error)}`);
  }
}

/** A folder, also through a link; a broken or looping link is none. */
function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A folder's identity: the same folder reached through a link has the same one. */
const folderId = (p: string) => {
  const { dev, ino } = fs.statSync(p);
  return `${dev}:${ino}`;
};

/** The files under a folder and its subfolders (also through links to folders), in no order, each
 *  with its path from the folder in `/` form: the files readdirSync's own recursive walk lists, which
 *  takes several times longer on a first call (it looks up every entry again, files too). The
 *  relative path is built as the walk goes down, not asked of path.relative for each file. A link to
 *  a folder the walk is inside (`up -> ..`) is not followed: it would list the same files again and
 *  again, until the path grew too long to open. */
function filesUnder(
  dir: string,
  from: string,
  out: { path: string; relative: string }[],
  inside: Set<string> = new Set([folderId(dir)]),
) {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    const relative = from ? `${from}/${d.name}` : d.name;
    if (d.isFile()) out.push({ path: p, relative });
    else if (d.isDirectory() || isFolder(p)) {
      const id = folderId(p);
      if (inside.has(id)) continue;
      inside.add(id);
      filesUnder(p, relative, out, inside);
      inside.delete(id);
    }
  }
  return out;
}

export function expandInputs(args: readonly string[]): Input[] {
  const out: Input[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ path: '-', name: 'stdin' });
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      throw new InputError(`cannot read ${arg}: ${reason(error)}`);
    }
    if (!stat.isDirectory()) {
      readable(arg, arg);
      out.push({ path: arg, name: arg, regular: stat.isFile() });
      continue;
    }
    readable(arg, arg);
    const files = filesUnder(arg, '', []).sort((a, b) => textOrder(a.path, b.path));
    const folder = path.basename(path.resolve(arg));
    // A folder's files are not checked one by one here (a call each, 2 % of a folder of bounces'
    // run): one that cannot be read is said so when it is read, as one gone since it was listed,
    // and the others are read.
    for (const f of files)
      out.push({ path: f.path, name: folder ? `${folder}/${f.relative}` : f.relative, regular: true });
  }
  return out;
}

const sizes = new WeakMap<readonly Input[], number>();

/** The files' size in all (standard input counts nothing), measured once per list: the command
 *  asks for it several times before it reads (whether to use threads, a small heap). */
export function inputBytes(inputs: readonly Input[]): number {
  let bytes = sizes.get(inputs);
  if (bytes === undefined) {
    bytes = 0;
    // A file gone since it was listed counts nothing here; reading it says it is gone.
    for (const input of inputs)
      if (input.path !== '-') bytes += fs.statSync(input.path, { throwIfNoEntry: false })?.size ?? 0;
    sizes.set(inputs, bytes);
  }
  return bytes;
}
