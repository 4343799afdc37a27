// --merge and the Node API's mergeReports(): partial reports (--partial, from other hosts or
// cores) read from disk or standard input (gzip unpacked) and combined into the report of all their
// input (src/lib/report/partial.ts).
import { readFileSync } from 'node:fs';
import { isGzip } from '../lib/report/gzip.ts';
import { mergeReports, PartialError, type Report } from '../lib/report/index.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { InputError, reason } from './inputs.ts';

/** The bytes, gzip unpacked (a partial of a big log is megabytes, gzip a tenth of them). */
function unpacked(bytes: Buffer, name: string): Buffer {
  if (!isGzip(bytes)) return bytes;
  try {
    return process.getBuiltinModule('node:zlib').gunzipSync(bytes);
  } catch {
    throw new InputError(`${name}: the gzip data is cut off or damaged.`);
  }
}

/** The JSON value of a text, or undefined when it is not JSON. */
function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The partial reports a text holds: one JSON object (as --partial prints it, or pretty-printed),
 *  or several one per line (partials of several hosts piped or concatenated into one stream), each
 *  then named by its line. */
function partialsIn(text: string, name: string): { name: string; partial: unknown }[] {
  const whole = parsed(text);
  if (whole) return [{ name, partial: whole.value }];
  const notJson = (where: string) =>
    new InputError(`${where} is not a partial report (made with --partial): it is not JSON.`);
  const lines = text.split('\n').flatMap((line, i) => (line.trim() ? [{ line, at: i + 1 }] : []));
  // Not JSON from its first line (a log given by mistake): the file is named, not a line of it.
  const first = lines.length > 1 ? parsed(lines[0]!.line) : undefined;
  if (!first) throw notJson(name);
  return lines.map(({ line, at }, i) => {
    const json = i === 0 ? first : parsed(line);
    if (!json) throw notJson(`${name}, line ${at},`);
    return { name: `${name}:${at}`, partial: json.value };
  });
}

/** Each file's partial reports (`-`: standard input's), parsed; a file that cannot be read or
 *  parsed is an InputError. */
export function readPartials(paths: readonly string[]): { name: string; partial: unknown }[] {
  if (!paths.length)
    throw new InputError(
      '--merge needs the partial reports to merge (files made with --partial, or - for standard input).',
    );
  return paths.flatMap((path) => {
    const name = path === '-' ? 'stdin' : path;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path === '-' ? 0 : path);
    } catch (error) {
      throw new InputError(`cannot read ${name}: ${reason(error)}`);
    }
    return partialsIn(unpacked(bytes, name).toString('utf8'), name);
  });
}

/** The report of the partial report files, in the order given; a bad one is an InputError. */
export function mergeFiles(paths: readonly string[], rules: readonly RuleEntry[]): Report {
  try {
    return mergeReports(readPartials(paths), rules);
  } catch (error) {
    if (error instanceof PartialError) throw new InputError(error.message);
    throw error;
  }
}
