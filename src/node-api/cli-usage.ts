// What the command says of itself: --help and --version (./cli.ts loads this module only for them).
import { availableParallelism } from 'node:os';
import pkg from '../../package.json' with { type: 'json' };
import { PARTIAL_VERSION, rulesDigest } from '../lib/report/partial.ts';
import type { RuleEntry } from '../lib/rules.ts';
import { COMMAND } from './command-name.ts';

export function usage(): string {
  return `Usage: ${COMMAND} [options] [file|folder|- ...]

Reads mail logs, bounce messages (.eml) and ESP webhook JSON, from files, folders
(read recursively, .gz unpacked) or standard input (-, or no path), and names every
SMTP reply iCloud Mail sent: what it means, whose move it is and what to do.
Nothing is sent anywhere.

Output:
  (no option)      one line per SMTP reply: codes, entry, advice, recipient, host, page
  --json           the full results as JSON, one object per input
  --summary        the report: counts per entry, recipient domains, warnings, and the
                   addresses to suppress and to keep (with --json, one JSON object)
  --partial        a partial report to merge, read as --summary reads
  --merge A B ...  the report of partial reports made with --partial (- reads them
                   from standard input; a file or stream may hold several, one a line)

Reading:
  --jobs N         threads for --summary and --partial, and per reply for big logs
                   (default: the cores Node may use, ${availableParallelism()} here; fewer for small
                   inputs): the report and the lines are those of --jobs 1
  --tz ZONE        the IANA time zone of log times that carry none (default UTC)
  --progress       show how far the reading is on standard error, also when it is
                   not a terminal
  --no-progress    never show it (by default it shows on a terminal, per reply only
                   when the replies go to a file or a pipe)

  -h, --help       this help
  -V, --version    the version, and the rule data it classifies with
  --               every argument after it is a path, also one starting with -

Exit status: 0 when every input was read, 2 for a bad option or path, or for
rule data it cannot use. SITE=https://... makes the pages' links absolute;
OUT_DIR=DIR classifies with DIR/rules.json (another build's rule data).
`;
}

/** The version; the rule data's size and file; what a partial report must share to merge. */
export function versionText(rules: readonly RuleEntry[], file: string): string {
  return `${COMMAND} ${pkg.version}
rule data: ${rules.length} entries, ${file}
partial reports: version ${PARTIAL_VERSION}, rule data ${rulesDigest(rules)} (--merge takes only these)
`;
}
