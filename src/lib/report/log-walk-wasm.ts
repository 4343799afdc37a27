// The log scanner's walk in WebAssembly (src/wasm/log-walk.ts, compiled into ./log-walk-wasm.bytes.ts
// by scripts/build-wasm.ts): the same words as ./log-walk.ts's, in a third of the time. The chunk is
// copied into the module's memory, walked there, and the words read in place.
import { fromBase64 } from './base64.ts';
import { HEADER, H, type Walk, type WalkWords } from './log-walk.ts';
import { memoryImage, type WalkSpec } from './log-walk-spec.ts';
import { LOG_WALK_WASM } from './log-walk-wasm.bytes.ts';

/** The part of the WebAssembly API used here, declared because the Node API is compiled without the
 *  DOM's types, and because the global may be missing (`node --jitless`). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const api = (globalThis as { WebAssembly?: Wasm }).WebAssembly;

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  /** Returns where the chunk goes; traps if the tables and marks reach it. */
  init(reach: number, maxRecord: number): number;
  walk(size: number, limit: number, output: number): void;
}

let module: object | null | undefined;

/** The compiled module, or null where WebAssembly may not run (Lockdown Mode, `--jitless`, a CSP). */
function compiled(): object | null {
  if (module === undefined) {
    try {
      module = api ? new api.Module(fromBase64(LOG_WALK_WASM)!) : null;
    } catch {
      module = null;
    }
  }
  return module;
}

const PAGE = 65_536;
const align = (n: number) => (n + 7) & ~7;

/** The walk for `spec` in WebAssembly, or undefined where it cannot run. */
export function wasmWalk(spec: WalkSpec): Walk | undefined {
  const m = compiled();
  if (!m) return undefined;
  const wasm = new api!.Instance(m, {}).exports as Exports;
  const { memory } = wasm;
  const image = memoryImage(spec);
  const grow = (bytes: number) => {
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  };
  grow(image.length);
  new Uint8Array(memory.buffer).set(image);
  const chunk = wasm.init(spec.reach, spec.maxRecord);
  return (bytes, limit): WalkWords => {
    const output = align(chunk + bytes.length);
    // Room for the header and a first page of entries; the walk grows the memory for more.
    grow(output + HEADER * 4 + PAGE);
    new Uint8Array(memory.buffer, chunk, bytes.length).set(bytes);
    wasm.walk(bytes.length, limit, output);
    const header = new Int32Array(memory.buffer, output, HEADER);
    const end = header[H.bytes]! / 4;
    return { words: new Int32Array(memory.buffer, output, end), end };
  };
}
