// One --jobs task per reply (./reply-jobs.ts), done alike in the command's thread and in its workers
// (./reply-worker.ts): a whole input's lines, or a byte range's share of a big plain log's.
import { problems } from '../lib/report/problems.ts';
import { isFileError, reason } from './inputs.ts';
import type { Task } from './job-plan.ts';
import { classified, inputLines, shownName, type ReplyOptions } from './reply-input.ts';
import { rangeLines, type RangeLines } from './reply-lines.ts';
import { PIECE_BYTES, readPieces } from './reply-pieces.ts';

/** The event loop let in: pieces are read and classified without a wait, and in the command's
 *  thread the pool hands the workers their next tasks only then (a worker that had sat idle for a
 *  fifth of the run, waiting for them). */
const lettingIn = () => new Promise(setImmediate);

async function* lettingInAfterEach<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const item of items) {
    yield item;
    await lettingIn();
  }
}

/** A whole input's lines, or a range's share; and what went wrong reading it, after them. */
export type ReplyResult = ({ lines: string } | RangeLines) & { problem?: string | undefined };

export async function replyTask(task: Task, options: ReplyOptions): Promise<ReplyResult> {
  const { input, range } = task;
  const name = shownName(input);
  if (range) {
    const texts = readPieces(input.path, name, PIECE_BYTES, options.onRead, range);
    try {
      const outcomes = lettingInAfterEach(classified(options.engine, texts));
      return await rangeLines(name, outcomes, options.asJson, options.link);
    } catch (error) {
      // Gone or failing since it was planned: said once, where this range's lines would be.
      if (!isFileError(error)) throw error;
      return { text: '', count: 0, problem: problems.unreadable(name, reason(error)) };
    }
  }
  let lines = '';
  const problem = await inputLines(input, options, (more) => {
    lines += more;
    return lettingIn();
  });
  return { lines, problem };
}
