// Office 365's non-delivery report: "Status code: 550 5.7.1" in its admin section is Microsoft's
// summary, printed above the receiver's real reply ("Error: 554 5.7.1 [CS01] …"), and
// "Message rejected by: HOST" after that reply names the server that sent it.
import { scanLine } from './scan.ts';
import type { LineHandler } from './state.ts';

/** The summary stands only until the real reply follows (see TextState.summary). */
export const statusCodeSummary: LineHandler = (line, state) => {
  if (!/^\s*Status code:\s*[45]\d\d\b/i.test(line)) return false;
  for (const s of scanLine(line, state.env.allowed)) state.summary = state.emit(line, s, {}, 'microsoft');
  return true;
};

export const rejectedBy: LineHandler = (line, state) => {
  const host = /^\s*Message rejected by:\s*([a-z0-9][\w.-]{0,252})\s*$/i.exec(line)?.[1];
  if (!host) return false;
  const last = state.out.at(-1);
  if (last) last.context.host ??= host.toLowerCase();
  return true;
};
