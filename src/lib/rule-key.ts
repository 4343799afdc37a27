// What the engine relies on in every rule record, and the entry schema demands: it is keyed by a
// reply code or by a DSN's Status and reason, never both and never neither.

/** True when the record has exactly one of `code` and `dsn`; the type then says which. */
export const hasOneKey = <T extends { code?: number; dsn?: object }>(
  r: T,
): r is T & ({ code: number; dsn?: undefined } | { code?: undefined; dsn: NonNullable<T['dsn']> }) =>
  (r.code === undefined) !== (r.dsn === undefined);
