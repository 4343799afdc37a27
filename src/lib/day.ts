// A date as the day it names (YYYY-MM-DD), the way front matter writes it and pages show it.
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
