// One input's lines per reply, in the command's thread (./print-replies.ts) or a --jobs worker's
// (./reply-task.ts): read as ./reply-pieces.ts reads it (a small file whole; a big log, an mbox,
// gzip or standard input in pieces), classified, and its lines (./reply-lines.ts) handed on as they
// come.
import type { ClassifyOutcome } from '../lib/classify/types.ts';
import { problems } from '../lib/report/problems.ts';
import type { RuleEntry } from '../lib/rules.ts';
import type { Engine } from './engine.ts';
import { isFileError, reason, type Input } from './inputs.ts';
import type { OnRead } from './progress.ts';
import { pieceLines, replyLines } from './reply-lines.ts';
import { BrokenGzip, PIECE_BYTES, readPieces, wholeText } from './reply-pieces.ts';

export interface ReplyOptions {
  engine: Engine;
  asJson: boolean;
  /** An entry's page, as the lines give it. */
  link: (entry: RuleEntry) => string;
  onRead?: OnRead | undefined;
}

/** The name an input's lines give it. */
export const shownName = (input: Input) => (input.path === '-' ? 'stdin' : input.name);

/** Each text classified, in order. */
export async function* classified(
  engine: Engine,
  texts: AsyncIterable<string>,
): AsyncGenerator<ClassifyOutcome> {
  for await (const text of texts) yield await engine.classify(text);
}

/** Hands the input's lines to `put` as they come, waiting whenever it returns a promise (the
 *  output is full); returns what went wrong when reading broke off (damaged gzip, a file that
 *  cannot be opened or read), after the lines before it. */
export async function inputLines(
  input: Input,
  options: ReplyOptions,
  put: (lines: string) => Promise<unknown> | undefined | void,
): Promise<string | undefined> {
  const { engine, asJson, link, onRead } = options;
  const name = shownName(input);
  try {
    const whole = wholeText(input.path, onRead);
    if (whole !== undefined) {
      await put(replyLines(name, await engine.classify(whole), asJson, link));
      return undefined;
    }
    const texts = readPieces(input.path, name, PIECE_BYTES, onRead);
    for await (const lines of pieceLines(name, classified(engine, texts), asJson, link)) await put(lines);
    return undefined;
  } catch (error) {
    if (error instanceof BrokenGzip) return problems.brokenGzip(name, error.lines);
    if (isFileError(error)) return problems.unreadable(name, reason(error));
    throw error;
  }
}
