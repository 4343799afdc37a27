// The one way the project compiles src/wasm/log-walk.ts (scripts/build-wasm.ts writes it; the unit
// test compiles it again to check the committed module is current).
import path from 'node:path';
import asc from 'assemblyscript/asc';

const root = path.resolve(import.meta.dirname, '..');

/** The module's bytes: optimised for speed, with SIMD (browsers without it get the JavaScript walk), no
 *  runtime (the walk allocates nothing), no asserts. */
export async function compileLogWalk(): Promise<Uint8Array> {
  let wasm: Uint8Array | undefined;
  const stderr: string[] = [];
  const { error } = await asc.main(
    [
      'src/wasm/log-walk.ts',
      '-O3',
      '--runtime',
      'stub',
      '--noAssert',
      '--enable',
      'simd',
      '--outFile',
      'log-walk.wasm',
    ],
    {
      readFile: async (name: string, dir: string) => {
        const fs = await import('node:fs/promises');
        return fs.readFile(path.resolve(root, dir, name), 'utf8').catch(() => null);
      },
      writeFile: (name: string, contents: Uint8Array) => {
        if (name.endsWith('.wasm')) wasm = contents;
      },
      listFiles: () => [],
      stderr: { write: (s: string) => stderr.push(String(s)) },
      stdout: { write: () => {} },
    } as never,
  );
  if (error || !wasm)
    throw new Error(`src/wasm/log-walk.ts does not compile: ${error?.message}\n${stderr.join('')}`);
  return wasm;
}
