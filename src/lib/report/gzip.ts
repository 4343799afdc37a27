// gzip data, told by its magic bytes whatever the file's name: the report, the command and its
// per-reply reading unpack it.
export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
