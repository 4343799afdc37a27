// /rules.json: the rule data of every entry, generated from the `codes` collection at build time.
// The classifier box, the search card and the CLI read it with decodeRules (src/lib/rules.ts);
// nothing else holds a copy of any pattern. Absent fields are left out.
import type { APIRoute } from 'astro';
import { getRuleRecords } from '../data/codes';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getRuleRecords()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
