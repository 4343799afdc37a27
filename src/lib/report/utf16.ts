// Text saved as UTF-16 with a byte order mark, what Windows PowerShell 5.1's `>` and Out-File write
// (an Exchange admin's `Get-MessageTrackingLog … > tracking.txt`), is read as the text it is rather
// than refused as binary data: the report's intake (./intake.ts), the command's per-reply reader and
// the classifier box's files turn it into UTF-8 before anything else looks at it.

export type Utf16 = 'utf-16le' | 'utf-16be';

/** The UTF-16 byte order that a byte order mark at the start of `bytes` names, or undefined. */
export function utf16Of(bytes: Uint8Array): Utf16 | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 chunks (the first with its byte order mark) made UTF-8: `push` each, then `end` for what
 *  is left of a character cut off at the end (U+FFFD). A character split between two chunks comes
 *  out with the second. */
export function utf16ToUtf8(encoding: Utf16) {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  return {
    push: (chunk: Uint8Array) => encoder.encode(decoder.decode(chunk, { stream: true })),
    end: () => encoder.encode(decoder.decode()),
  };
}

export type Utf16ToUtf8 = ReturnType<typeof utf16ToUtf8>;

/** A whole file's text: UTF-16 when its byte order mark says so, else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(utf16Of(bytes) ?? 'utf-8').decode(bytes);
}
