// Files from a drop: plain files, and the files inside dropped folders (read recursively through
// the File and Directory Entries API), each with its path inside the drop.
export interface NamedFile {
  file: File;
  name: string;
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call; an empty batch means the end.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: NamedFile[]) {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ file, name: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, out);
  }
}

export async function droppedFiles(data: DataTransfer): Promise<NamedFile[]> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.length) return [...data.files].map((file) => ({ file, name: file.name }));
  const out: NamedFile[] = [];
  for (const e of entries) await walk(e, out);
  return out;
}

/** Files from an <input type=file>, with the folder path when a folder was chosen. */
export const inputFiles = (input: HTMLInputElement): NamedFile[] =>
  [...(input.files ?? [])]
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
