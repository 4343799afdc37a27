// The days (UTC) on which git recorded commits touching a file, followed across renames, for the
// check of each entry's `history` against the repository. Null where there is no usable history
// (no git, or a shallow clone such as CI's default checkout, whose oldest commit is not the first).
import { execFileSync } from 'node:child_process';

const git = (args: string[]) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

export function gitHistoryAvailable(): boolean {
  try {
    return git(['rev-parse', '--is-shallow-repository']).trim() === 'false';
  } catch {
    return false;
  }
}

const utcDay = (seconds: string) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);

export interface FileCommits {
  /** UTC day of the commit that added the file: the oldest one `git log --follow` lists. */
  added?: string;
  /** Every UTC day with a commit touching the file, by author date or by committer date (a
   *  rebase or cherry-pick keeps the first and moves the second). */
  days: Set<string>;
  /** The file differs from HEAD in the working tree or the index (an edit not yet committed). */
  uncommitted: boolean;
}

export function fileCommits(file: string): FileCommits {
  const lines = git(['log', '--follow', '--format=%at %ct', '--', file]).trim().split('\n').filter(Boolean);
  const pairs = lines.map((l) => l.split(' ').map(utcDay));
  const oldest = pairs.at(-1);
  const status = git(['status', '--porcelain', '--', file]).trim();
  return { added: oldest?.[0], days: new Set(pairs.flat()), uncommitted: status !== '' };
}
