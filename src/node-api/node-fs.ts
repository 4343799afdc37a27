// node:fs for the modules the command loads at start-up. `import … from 'node:fs'` makes Node build
// fs's ES module facade, which reads every export once, its lazily loaded streams included, and
// node:fs/promises loads them too: together about a fifth of the command's start-up on an empty
// input. process.getBuiltinModule hands over the module itself, so streams load only where a read
// uses one.
export const fs = process.getBuiltinModule('node:fs');

const { promisify } = process.getBuiltinModule('node:util');

/** fs.open, fs.read and fs.close as promises. */
export const fsAsync = { open: promisify(fs.open), read: promisify(fs.read), close: promisify(fs.close) };
