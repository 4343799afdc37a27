// The pages' URLs as the command prints them: rules.json holds them site-relative (with the base
// path); SITE=https://… makes them absolute.

export const pageUrl =
  (site: string | undefined) =>
  (url: string): string =>
    site ? new URL(url, site).href : url;
