// AssemblyScript, compiled to WebAssembly by scripts/build-wasm.ts: the log scanner's walk
// (../lib/report/log-walk.ts is its JavaScript twin) as machine code, because the walk over every byte of a log is most
// of a summary's time in JavaScript. It decides nothing of its own: every byte class, table and
// mark comes from JavaScript (../lib/report/log-walk-spec.ts, built from the lexicon), and
// tests/unit/log-walk.test.ts holds its output to the JavaScript walk's on generated logs.
//
// Memory is laid out in ./memory.ts. The output, after the chunk, starts with a header of HEADER
// i32s and goes on with tagged entries; it grows the memory as it needs.
import { candidateAt, continuesRecord, setReach, startsLikeReply } from './candidates';
import { TEXT, domainHash, domainStart, plainUpTo, postfixRecipient, recipientEnd } from './recipient';
import {
  BITS,
  CHUNK,
  CR,
  DIGIT,
  DOT,
  JSON_OPEN,
  MARK,
  MARKS,
  NIBBLES,
  NL,
  T_AFTER_DOT,
  T_AFTER_EQUALS,
  T_CLASS,
  T_INSIDE,
  byte,
  listAfter,
  lookup,
  markAt,
  markOffset,
  setLength,
  table,
} from './memory';

// Output entries: a tag, then the fields.
const SENDER: i32 = 1; // start, end
const RECORD: i32 = 2; // start, end, line, count
const DELIVERY: i32 = 3; // start, end, kind, mark, to, apple, recipient, its end, domain, hash
const HEADER: u32 = 10;

let deliveryMarks: usize = 0;
let senderMarks: usize = 0;
let recipientMarks: usize = 0;
let appleNames: usize = 0;
let maxRecord: i32 = 0;
let kinds: i32 = 0;

let out: usize = 0;

/** Reads the tables and mark lists written from address 0; returns where the chunk goes. */
export function init(reachBytes: i32, maxRecordBytes: i32): usize {
  deliveryMarks = MARKS;
  senderMarks = listAfter(deliveryMarks);
  recipientMarks = listAfter(senderMarks);
  appleNames = listAfter(recipientMarks);
  kinds = <i32>load<u8>(deliveryMarks);
  setReach(reachBytes);
  maxRecord = maxRecordBytes;
  if (listAfter(appleNames) >= CHUNK) unreachable();
  return CHUNK;
}

/** Starts an entry of `words` i32s (its tag the first) at the output's end, growing the memory
 *  when it must; returns where it starts. */
function entry(tag: i32, words: u32): usize {
  const at = out;
  out += (<usize>words) << 2;
  const have = (<usize>memory.size()) << 16;
  if (out > have) memory.grow(<i32>((out - have + 0xffff) >> 16));
  store<i32>(at, tag);
  return at;
}

/**
 * Walks bytes [0, limit) of the chunk of `size` bytes at CHUNK (bytes[limit - 1] is a line's
 * end), as LogScanner's walk does, and writes at `output`: the header (lines read; whether the last
 * record may still take continuation lines; whether there is a last record, its start, end, line
 * and count and whether it may hold a reply; the records skipped before it; where the entries end)
 * and then the entries: the records before the last that may hold a reply or have more than one
 * line, each line with a delivery mark and each with a sender mark, in the order of the chunk.
 * Line numbers count from 1 at the chunk's first line.
 */
export function walk(size: i32, limit: i32, output: usize): void {
  setLength(size);
  // No CR or U+2028/U+2029 in the chunk: recipients need not look for them (postfixRecipient).
  const plain = plainUpTo(limit);
  const header = output;
  out = output + ((<usize>HEADER) << 2);
  let line = 0;
  let open = false;
  let prevStart = 0;
  let prevEnd = 0;
  let start = 0;
  // The last record so far: only it may still take lines.
  let has = false;
  let lastStart = 0;
  let lastEnd = 0;
  let lastLine = 0;
  let lastCount = 0;
  let lastHit = false;
  let skipped = 0;
  // What the current line holds so far.
  let hit = false;
  let kind = kinds;
  let mark = 0;
  let to = -1;
  let apple = false;
  let sender = false;
  // Sixteen bytes at a time, the bytes the walk would stop at and act on are found first (most bytes
  // are neither): a byte of a class, but not a digit right after a byte of T_INSIDE or before one
  // that no candidate's first digit comes before, nor an `=` or a dot that no mark's next byte
  // follows. Each is then looked at as the byte-by-byte walk would.
  const zero = i8x16.splat(0);
  const digit = i8x16.splat(<i8>load<u8>(BITS));
  const equals = i8x16.splat(<i8>load<u8>(BITS, 1));
  const dot = i8x16.splat(<i8>load<u8>(BITS, 2));
  const afterEquals = i8x16.splat(<i8>load<u8>(BITS, 3));
  const afterDot = i8x16.splat(<i8>load<u8>(BITS, 4));
  const afterDigit = i8x16.splat(<i8>load<u8>(BITS, 5));
  // The byte before the first reads as a line's end.
  store<u8>(CHUNK - 1, <u8>NL);
  for (let block = 0; block < limit; block += 16) {
    const at = CHUNK + <usize>block;
    const c = lookup(NIBBLES, v128.load(at));
    const before = i8x16.ne(lookup(NIBBLES + 32, v128.load(at - 1)), zero);
    const n = lookup(NIBBLES + 64, v128.load(at + 1));
    const drop = v128.or(
      v128.and(i8x16.ne(v128.and(c, digit), zero), v128.or(before, i8x16.eq(v128.and(n, afterDigit), zero))),
      v128.or(
        v128.and(i8x16.ne(v128.and(c, equals), zero), i8x16.eq(v128.and(n, afterEquals), zero)),
        v128.and(i8x16.ne(v128.and(c, dot), zero), i8x16.eq(v128.and(n, afterDot), zero)),
      ),
    );
    let m = i8x16.bitmask(v128.andnot(i8x16.ne(c, zero), drop));
    if (limit - block < 16) m &= (1 << (limit - block)) - 1;
    while (m != 0) {
      const i = block + ctz(m);
      m &= m - 1;
      const t = table(T_CLASS, byte(i));
      if (t == DIGIT) {
        if (!hit && (i == start || !table(T_INSIDE, byte(i - 1))) && candidateAt(start, i)) hit = true;
      } else if (t == MARK) {
        if (i + 1 == limit || !table(T_AFTER_EQUALS, byte(i + 1))) continue;
        const d = markAt(deliveryMarks, i);
        if (d >= 0 && d < kind) {
          kind = d;
          mark = i - markOffset(deliveryMarks, d);
        }
        if (!sender && markAt(senderMarks, i) >= 0) sender = true;
        if (to < 0 && markAt(recipientMarks, i) >= 0) to = i - markOffset(recipientMarks, 0);
      } else if (t == JSON_OPEN) hit = true;
      else if (t == DOT) {
        if (!apple && i + 1 < limit && table(T_AFTER_DOT, byte(i + 1)) && markAt(appleNames, i) >= 0)
          apple = true;
      } else {
        const end = i > start && byte(i - 1) == CR ? i - 1 : i;
        line++;
        if (end == start) open = false;
        else {
          if (open && has && end - lastStart < maxRecord && continuesRecord(prevStart, prevEnd, start, end)) {
            lastEnd = end;
            lastCount++;
          } else {
            if (has) {
              if (lastHit || lastCount > 1) {
                const e = entry(RECORD, 5);
                store<i32>(e, lastStart, 4);
                store<i32>(e, lastEnd, 8);
                store<i32>(e, lastLine, 12);
                store<i32>(e, lastCount, 16);
              } else skipped++;
            }
            has = true;
            lastStart = start;
            lastEnd = end;
            lastLine = line;
            lastCount = 1;
            lastHit = hit || startsLikeReply(start, end);
            open = true;
          }
          prevStart = start;
          prevEnd = end;
          if (kind < kinds) {
            const r =
              kind == 0 ? postfixRecipient(deliveryMarks, recipientMarks, start, end, mark, to, plain) : TEXT;
            const found = r >= 0;
            const e = entry(DELIVERY, 11);
            store<i32>(e, start, 4);
            store<i32>(e, end, 8);
            store<i32>(e, kind, 12);
            store<i32>(e, mark, 16);
            store<i32>(e, to, 20);
            store<i32>(e, apple ? 1 : 0, 24);
            store<i32>(e, r, 28);
            store<i32>(e, found ? recipientEnd : 0, 32);
            store<i32>(e, found ? domainStart : 0, 36);
            store<i32>(e, found ? domainHash : 0, 40);
          }
          if (sender) {
            const e = entry(SENDER, 3);
            store<i32>(e, start, 4);
            store<i32>(e, end, 8);
          }
        }
        start = i + 1;
        hit = false;
        kind = kinds;
        to = -1;
        apple = false;
        sender = false;
      }
    }
  }
  store<i32>(header, line);
  store<i32>(header, open ? 1 : 0, 4);
  store<i32>(header, has ? 1 : 0, 8);
  store<i32>(header, lastStart, 12);
  store<i32>(header, lastEnd, 16);
  store<i32>(header, lastLine, 20);
  store<i32>(header, lastCount, 24);
  store<i32>(header, lastHit ? 1 : 0, 28);
  store<i32>(header, skipped, 32);
  store<i32>(header, <i32>(out - output), 36);
}
