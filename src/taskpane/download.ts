/** Hands a URL to the browser's download under a file name (a temporary link, clicked). */
export function downloadUrl(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves a Blob under a file name through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, name);
  // the download has taken the URL by now; revoking later keeps slow browsers safe
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
