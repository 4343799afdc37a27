// Internal links honour the deployment base path (e.g. /icloud-codes/). Pure: the base is passed in.
export function withBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export const entryPath = (id: string) => `codes/${id}/`;
export const basicCodePath = (code: number) => `codes/${code}/`;
