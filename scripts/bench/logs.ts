// The bench's generated mail logs: a Postfix log of 50 % iCloud replies (the entries' own reply
// strings) and a realistic one (95 % deliveries, 2 % iCloud replies, 2 % other providers' bounces,
// 1 % queue lines), written to disk in chunks.
import { closeSync, createWriteStream, fsyncSync, openSync } from 'node:fs';
import { loadEntries } from '../../src/node-api/entry-files.ts';

/** The yardstick on a realistic log: grep counting its bounce lines (`grep -cE` with this). */
export const BOUNCE_LINES = 'status=(bounced|deferred)';

export const entries = loadEntries();
const icloudReplies = entries.map((e) => e.data.reply);
const otherLines = [
  (n: number) =>
    `status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a${n}.1 - gsmtp (in reply to RCPT TO command))`,
  () =>
    `status=bounced (host example-com.mail.protection.outlook.com[192.0.2.40] said: 550 5.5.0 Requested action not taken: mailbox unavailable. (in reply to RCPT TO command))`,
  (n: number) => `status=sent (250 2.0.0 Ok: queued as 4F${n.toString(16).toUpperCase()})`,
  () => `status=deferred (connect to mx.example.net[192.0.2.9]:25: Connection timed out)`,
];

export function logLine(i: number): string {
  const stamp = `Jan 12 ${String(10 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  const head = `${stamp} mail postfix/smtp[${1000 + (i % 9000)}]: Q${i.toString(16).toUpperCase()}:`;
  if (i % 2 === 0) {
    const reply = icloudReplies[(i / 2) % icloudReplies.length]!;
    const status = reply.startsWith('4') ? 'deferred' : 'bounced';
    return `${head} to=<u${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=${reply.slice(4, 9)}, status=${status} (host mx02.mail.icloud.com[17.57.155.34] said: ${reply} (in reply to RCPT TO command))`;
  }
  const other = otherLines[(i >> 1) % otherLines.length]!(i);
  return `${head} to=<u${i}@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=5.0.0, ${other}`;
}

const DOMAINS = [
  ['gmail.com', 'gmail-smtp-in.l.google.com', '192.0.2.26'],
  ['icloud.com', 'mx01.mail.icloud.com', '17.57.152.9'],
  ['outlook.com', 'outlook-com.olc.protection.outlook.com', '192.0.2.40'],
  ['yahoo.com', 'mta7.am0.yahoodns.net', '192.0.2.50'],
  ['example.org', 'mx.example.org', '192.0.2.60'],
] as const;

/** One line of the realistic log: 95 % deliveries, 2 % iCloud replies, 2 % others' bounces, 1 % queue. */
export function realisticLine(i: number): string {
  const t = 36_000 + Math.floor(i / 20);
  const stamp = `Mar  2 ${String(Math.floor(t / 3600) % 24).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  const q = (i * 2654435761) >>> 0;
  const id = q.toString(16).toUpperCase();
  const head = `${stamp} mail postfix/smtp[${2000 + (q % 30000)}]: ${id}:`;
  const slot = i % 100;
  if (slot < 2) {
    const reply = icloudReplies[(i >> 1) % icloudReplies.length]!;
    const status = reply.startsWith('4') ? 'deferred' : 'bounced';
    return `${head} to=<r${i}@icloud.com>, relay=mx02.mail.icloud.com[17.57.155.34]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=${reply.slice(4, 9)}, status=${status} (host mx02.mail.icloud.com[17.57.155.34] said: ${reply} (in reply to RCPT TO command))`;
  }
  if (slot < 4) {
    const other = otherLines[(i >> 2) % 2]!(i);
    return `${head} to=<r${i}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=5.1.1, ${other}`;
  }
  if (slot === 4)
    return `${stamp} mail postfix/qmgr[812]: ${id}: from=<news@example.com>, size=${4000 + (q % 9000)}, nrcpt=1 (queue active)`;
  const [domain, host, ip] = DOMAINS[q % DOMAINS.length]!;
  return `${head} to=<reader${q % 1_000_000}@${domain}>, relay=${host}[${ip}]:25, delay=0.${q % 10}, delays=0.1/0/0.2/0.1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${id}A)`;
}

export async function writeLog(file: string, mb: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(file);
  const target = mb * 1_048_576;
  let bytes = 0;
  let i = 0;
  while (bytes < target) {
    const lines: string[] = [];
    for (let k = 0; k < 5000; k++) lines.push(line(i++));
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise((r) => out.end(r));
  // On disk before anything is timed: the kernel's write-back of a fresh gigabyte would share the
  // CPU with the runs that follow.
  const fd = openSync(file, 'r');
  fsyncSync(fd);
  closeSync(fd);
  return i;
}
