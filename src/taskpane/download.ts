/** Hands a blob to the browser as a download (Excel on the web and desktop webviews both allow it). */
export function download(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== "function") return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some webviews read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
