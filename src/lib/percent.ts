// A share as the report shows it everywhere (the page, the command's summary): one decimal, `12.5%`.
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
