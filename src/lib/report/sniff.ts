// What kind of file this is, judged from its first 64 KB of text.
import { looksLikeMessage } from '../classify/index.ts';
import { looksBinary } from '../lexicon.ts';
import { startsWithTime } from './timestamps.ts';
import type { FileFormat } from './types.ts';

export const SNIFF_CHARS = 65_536;

export function sniff(head: string): FileFormat | 'binary' {
  const sample = head.slice(0, SNIFF_CHARS);
  if (sample.includes('\u0000') || looksBinary(sample)) return 'binary';
  const t = sample.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    const nl = t.indexOf('\n');
    const firstLine = (nl >= 0 ? t.slice(0, nl) : t).trim();
    if (firstLine.startsWith('{')) {
      try {
        JSON.parse(firstLine);
        return 'json-lines';
      } catch {
        // A pretty-printed object: one document.
      }
    }
    return 'json';
  }
  if (/^From \S/.test(t)) return 'mbox';
  if (looksLikeMessage(sample)) return 'eml';
  const lines = sample
    .split('\n', 60)
    .filter((l) => l.trim())
    .slice(0, 20);
  const dated = lines.filter(startsWithTime).length;
  return dated > 0 && dated * 2 >= lines.length ? 'log' : 'text';
}
