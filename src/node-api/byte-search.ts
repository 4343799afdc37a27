// Node's native search for the log scanner (src/lib/report/bytes.ts): Buffer's indexOf runs in
// native code for byte strings as well as single bytes, where a typed array's finds only bytes.
import type { ByteSearch } from '../lib/report/bytes.ts';

let last: Uint8Array | undefined;
let view: Buffer = Buffer.alloc(0);

export const nodeSearch: ByteSearch = (bytes, what, from) => {
  // One Buffer view per chunk, not per call: the scanner searches one chunk many times in a row.
  if (bytes !== last) {
    last = bytes;
    view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return view.indexOf(what, from);
};
