// The command against Sisimai (a Perl bounce parser: Debian's libsisimai-perl) on a folder of bounce
// messages, BENCH_CORPUS (e.g. set-of-emails/maildir/bsd): both read and parse every message; per
// reply each prints one line per bounce, and for the summary each tallies the whole folder.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fmt, timed } from './run.ts';

const RUNS = 5;

// Sisimai->make (4.x; 5.x renamed it rise) parses every message of a Maildir-style folder into one
// record per bounced recipient.
export const SISIMAI_PER_REPLY = `my $n = Sisimai->can('rise') ? 'rise' : 'make';
for my $d (@{ Sisimai->$n($ARGV[0]) // [] }) {
  print join("\\t", $d->deliverystatus, $d->reason, $d->recipient->address, $d->replycode, $d->destination), "\\n";
}`;
const SISIMAI_SUMMARY = `my $n = Sisimai->can('rise') ? 'rise' : 'make'; my (%r, %d, $t);
for my $d (@{ Sisimai->$n($ARGV[0]) // [] }) { $t++; $r{$d->reason}++; $d{$d->destination}++ }
printf "%d bounces\\n", $t; printf "%6d  %s\\n", $r{$_}, $_ for sort { $r{$b} <=> $r{$a} } keys %r;
printf "%6d  %s\\n", $d{$_}, $_ for sort { $d{$b} <=> $d{$a} } keys %d;`;

type Command = [string, string[]];

/** The best of RUNS runs of the command and of Sisimai, run in turns so a busy spell of a shared
 *  machine slows both sides alike. */
function best(cli: Command, perl: Command) {
  const out = { cli: { ms: Infinity, stdout: '' }, sisimai: { ms: Infinity, stdout: '' } };
  for (let run = 0; run < RUNS; run++)
    for (const [side, [command, argv]] of [
      ['cli', cli],
      ['sisimai', perl],
    ] as const) {
      const r = timed(command, argv);
      if (r.ms < out[side].ms) out[side] = { ms: r.ms, stdout: r.stdout };
    }
  return out;
}

/** Sisimai's version where Perl has the module, else undefined. */
export function sisimaiVersion(): string | undefined {
  return (
    timed('sh', ['-c', 'perl -MSisimai -e "print Sisimai->version" 2>/dev/null || true']).stdout || undefined
  );
}

export function sisimaiBench(bin: string) {
  const corpus = process.env.BENCH_CORPUS;
  if (!corpus) {
    console.log('sisimai: skipped, set BENCH_CORPUS to a folder of bounces (set-of-emails/maildir/bsd)');
    return;
  }
  const version = sisimaiVersion();
  if (!version) {
    console.log('sisimai: skipped, `perl -MSisimai` fails (apt-get install libsisimai-perl)');
    return;
  }
  const files = readdirSync(corpus).filter((f) => statSync(path.join(corpus, f)).isFile());
  const mb = files.reduce((n, f) => n + statSync(path.join(corpus, f)).size, 0) / 1_048_576;
  console.log(
    `sisimai: ${corpus}: ${fmt(files.length)} files, ${fmt(mb, 1)} MB; Sisimai ${version} (best of ${RUNS} runs in turns, each side reads and parses every message)`,
  );
  const parts = [
    {
      name: 'per reply',
      cli: [bin, corpus],
      cliDoes: 'one line per SMTP reply: codes, entry, advice, recipient, host, page',
      perl: SISIMAI_PER_REPLY,
      perlDoes: 'one line per bounce: status, reason, recipient, reply code, destination',
    },
    {
      name: 'summary',
      cli: [bin, '--summary', corpus],
      cliDoes: 'the report: counts per entry, recipient domains, suppress and keep lists',
      perl: SISIMAI_SUMMARY,
      perlDoes: 'bounces tallied by reason and by destination domain',
    },
  ];
  for (const p of parts) {
    const { cli, sisimai } = best([process.execPath, p.cli], ['perl', ['-MSisimai', '-e', p.perl, corpus]]);
    const lines = (s: string) => fmt(s.split('\n').filter(Boolean).length);
    const shownArgs = p.cli.slice(1, -1).join(' ');
    console.log(
      `sisimai ${p.name}: icloud-mail-reply-codes ${shownArgs ? `${shownArgs} ` : ''}DIR (${p.cliDoes}): ${fmt(cli.ms)} ms, ${lines(cli.stdout)} lines`,
    );
    console.log(
      `sisimai ${p.name}: perl -MSisimai make() (${p.perlDoes}): ${fmt(sisimai.ms)} ms, ${lines(sisimai.stdout)} lines`,
    );
    console.log(
      `sisimai ${p.name} ratio: the CLI takes ${fmt(cli.ms / sisimai.ms, 2)}× Sisimai's wall time (target ≤ 0.5×)`,
    );
  }
}
