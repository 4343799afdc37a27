// /rules.json: the rule data of every entry, generated from the `codes` collection at build time.
// The classifier box loads it; nothing else holds a copy of any pattern.
import type { APIRoute } from 'astro';
import { getRuleEntries } from '../data/codes';
import { withBase } from '../lib/urls';

export const GET: APIRoute = async () => {
  const rules = (await getRuleEntries()).map(
    ({ id, path, code, dsn, enhanced, tag, retryDelay, stage, ...rest }) => ({
      id,
      url: withBase(import.meta.env.BASE_URL, path),
      path,
      ...rest,
      // Present in every record, null when the entry has none, so consumers see one shape.
      code: code ?? null,
      dsn: dsn ?? null,
      enhanced: enhanced ?? null,
      tag: tag ?? null,
      retryDelay: retryDelay ?? null,
      stage: stage ?? null,
    }),
  );
  return new Response(JSON.stringify(rules), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
