// The classifier's links: the input goes in the URL fragment (#q=…), which browsers never send to a
// server, so a shared link reproduces the result without the text leaving anyone's browser. The page
// builds such a link only when asked (a copy button) and drops the fragment of a link it opens.
import { withBase } from '../lib/urls';

/** Longer links get cut off by mail clients and ticket systems; past this the box offers no link. */
const MAX_LINK_LENGTH = 32_000;

/** The text in a `#q=…` fragment, or undefined when the fragment carries none. */
export function readQuery(hash: string): string | undefined {
  const part = hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith('q='));
  if (part === undefined) return undefined;
  const raw = part.slice(2);
  try {
    return decodeURIComponent(raw);
  } catch {
    // A hand-edited link with a stray % still shows what it holds.
    return raw;
  }
}

export const fragmentFor = (text: string) => `#q=${encodeURIComponent(text)}`;

/** Site-relative link to /classify/ with this input, or undefined when it would be too long. */
export function permalink(base: string, text: string): string | undefined {
  // Encoding never shortens text: a paste already over the limit is refused without encoding it.
  if (text.length > MAX_LINK_LENGTH) return undefined;
  const link = withBase(base, 'classify/') + fragmentFor(text);
  return link.length <= MAX_LINK_LENGTH ? link : undefined;
}

/**
 * The text of a `#q=…` link opened on this page, taken out of the address bar: the history entry is
 * replaced by the bare URL, so neither the address bar, Back nor history sync keeps the text.
 */
export function takeQuery(): string | undefined {
  const text = readQuery(location.hash);
  if (text !== undefined) history.replaceState(null, '', location.pathname + location.search);
  return text;
}
