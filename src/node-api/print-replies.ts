// The command's output per reply (./cli.ts without --summary): every input read as
// ./reply-pieces.ts reads it (a small file whole; a big log, an mbox, gzip or standard input in
// pieces), classified, and its lines (./reply-lines.ts) printed in input order as they come.
import { problems } from '../lib/report/problems.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { COMMAND } from './command-name.ts';
import type { Engine } from './engine.ts';
import { isFileError, reason, type Input } from './inputs.ts';
import type { Progress } from './progress.ts';
import { pieceLines, replyLines } from './reply-lines.ts';
import { BrokenGzip, PIECE_BYTES, readPieces, wholeText } from './reply-pieces.ts';

/** Characters of output held before one write. */
const OUT_BATCH = 65_536;

export interface PrintOptions {
  engine: Engine;
  asJson: boolean;
  /** An entry's page, as the lines give it. */
  link: (entry: RuleEntry) => string;
  progress?: Progress | undefined;
}

/** Prints the replies of every input; damaged gzip or a file that cannot be read is said on standard
 *  error, the inputs after it are read, and the run ends with 2. */
export async function printReplies(inputs: readonly Input[], options: PrintOptions): Promise<void> {
  const { engine, asJson, link, progress } = options;
  // Into a pipe or a file the lines go out in batches, not in a system call a file (a folder of
  // bounces is hundreds of small files); a terminal gets each file's lines as they come.
  const batch = process.stdout.isTTY ? 0 : OUT_BATCH;
  let pending = '';
  const flush = () => {
    if (pending) process.stdout.write(pending);
    pending = '';
  };
  const put = (lines: string) => {
    pending += lines;
    if (pending.length >= batch) flush();
  };
  async function* classified(texts: AsyncIterable<string>) {
    for await (const text of texts) yield await engine.classify(text);
  }
  for (const input of inputs) {
    const name = input.path === '-' ? 'stdin' : input.name;
    const whole = wholeText(input.path, progress?.add);
    if (whole !== undefined) {
      put(replyLines(name, await engine.classify(whole), asJson, link));
      continue;
    }
    const texts = readPieces(input.path, name, PIECE_BYTES, progress?.add);
    try {
      for await (const lines of pieceLines(name, classified(texts), asJson, link)) put(lines);
    } catch (error) {
      // A file that could not be opened (gone since it was listed) or read is said to be so, the
      // replies before the damage or the failed read printed first, and the next input read.
      const problem =
        error instanceof BrokenGzip
          ? problems.brokenGzip(name, error.lines)
          : isFileError(error)
            ? problems.unreadable(name, reason(error))
            : undefined;
      if (problem === undefined) throw error;
      flush();
      progress?.clear();
      process.stderr.write(`${COMMAND}: ${problem}\n`);
      process.exitCode = 2;
    }
  }
  flush();
}
