// Writes a report as one line of JSON in pieces: a report of a big log lists tens of thousands of
// addresses, and one JSON.stringify of all of it (then its UTF-8 copy for the pipe) doubled the
// command's peak memory. The text is the same as JSON.stringify's.
import { once } from 'node:events';

/** Array items written per piece. */
const BATCH = 2_000;

async function write(text: string) {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** `value` (a plain object whose members may be long arrays) as JSON.stringify writes it, and a
 *  newline. */
export async function writeJsonLine(value: object) {
  let first = true;
  await write('{');
  for (const [key, member] of Object.entries(value)) {
    const big = Array.isArray(member) && member.length > BATCH;
    const text = big ? '' : JSON.stringify(member);
    // JSON.stringify leaves out members it cannot write (undefined, functions).
    if (text === undefined) continue;
    await write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!big) await write(text);
    else {
      const items = member as unknown[];
      await write('[');
      for (let i = 0; i < items.length; i += BATCH)
        await write(`${i ? ',' : ''}${JSON.stringify(items.slice(i, i + BATCH)).slice(1, -1)}`);
      await write(']');
    }
  }
  await write('}\n');
}
