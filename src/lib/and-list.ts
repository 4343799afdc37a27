// Items as a sentence lists them: "a, b and c".
const format = new Intl.ListFormat('en-GB', { type: 'conjunction' });

export const andList = (items: readonly string[]) => format.format(items);
