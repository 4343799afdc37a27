// Sendmail's SMTP transcript in a bounce: `... while talking to HOST:` names the server, `>>>`
// lines are the commands sent (the stage), `<<<` lines the server's replies, and the line after
// a `<<<` reply repeats it.
import { stageFromCommand } from './context.ts';
import { scanLine } from './scan.ts';
import type { LineHandler } from './state.ts';

export const talkingTo: LineHandler = (line, { transcript }) => {
  const talk = /^\.\.\. while talking to ([\w.-]{1,253}?)\.?:/.exec(line);
  if (!talk) return false;
  transcript.host = talk[1]!.toLowerCase();
  transcript.stage = 'connect';
  return true;
};

export const command: LineHandler = (line, { transcript }) => {
  const sent = /^>>>\s?(\S+(?:\s[A-Za-z]+)?)/.exec(line);
  if (!sent) return false;
  transcript.stage = stageFromCommand(sent[1]!.replace(/\s?[:<].*$/, '')) ?? transcript.stage;
  transcript.echoPending = false;
  return true;
};

export const serverReply: LineHandler = (line, state) => {
  if (!line.startsWith('<<<')) return false;
  const scanned = scanLine(line, state.env.allowed);
  const { host, stage } = state.transcript;
  state.transcript.echoPending = scanned.length > 0;
  for (const s of scanned)
    state.emit(line, s, { host, stage: stage ?? 'connect', recipient: state.group.listed });
  return true;
};

/** The repeat of the last `<<<` reply (or Sendmail's summary of it) is not another reply. */
export const echo: LineHandler = (line, state) => {
  if (!state.transcript.echoPending) return false;
  state.transcript.echoPending = false;
  return scanLine(line, state.env.allowed).length > 0;
};
