// V8 represents a slice of a string as a view of its parent, so a short recipient or reply text
// cut from a log chunk would keep the whole chunk in memory for as long as the report holds it.
// Concatenating and slicing again gives a flat copy of its own.
export const detach = (s: string): string => (' ' + s).slice(1);
