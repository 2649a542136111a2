/**
 * Several files handed over as one .zip: a page starting seven or more downloads at once makes the
 * browser ask the user to allow it (or drop all but the first), and one file is easier to attach to a
 * message. JSZip is loaded on demand, with the first zip, so the pane's first load does not carry it.
 */

export interface ZipEntry {
  fileName: string;
  blob: Blob;
}

/**
 * "Cụm thi đua số 3" → "Cum-thi-dua-so-3": the zip's own name travels through mail clients and old file
 * systems, so it keeps to ASCII; the files inside keep their Vietnamese names.
 */
export function asciiFileName(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      // đ/Đ are letters of their own, not d + a mark.
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "thidua"
  );
}

/** Two entries of one name would overwrite each other in the zip: the second becomes "… (2).xlsx". */
function uniqueNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const dot = n.lastIndexOf(".");
    const [base, ext] = dot > 0 ? [n.slice(0, dot), n.slice(dot)] : [n, ""];
    let name = n;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function zipFiles(files: ZipEntry[]): Promise<Blob> {
  const { default: JSZip } = await import(/* webpackChunkName: "zip" */ "jszip");
  const zip = new JSZip();
  const names = uniqueNames(files.map((f) => f.fileName));
  const bytes = await Promise.all(files.map((f) => f.blob.arrayBuffer()));
  names.forEach((name, i) => zip.file(name, bytes[i]));
  return zip.generateAsync({
    type: "blob",
    mimeType: "application/zip",
    compression: "DEFLATE",
  });
}
