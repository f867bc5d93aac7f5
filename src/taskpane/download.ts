/** Saves a Blob under a file name through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has taken the URL by now; revoking later keeps slow browsers safe
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
