/** Where the page runs: inside Excel (task pane) or in a plain browser (file mode). */
export type Host = { readonly kind: 'excel'; readonly dark: boolean; readonly language: string } | { readonly kind: 'none' };

interface OfficeLike {
  onReady(): Promise<{ host: unknown } | undefined>;
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string } };
}

/** A background colour darker than mid-grey means a dark Office theme. */
export function isDarkColour(colour: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * Asks office.js which host it runs in. No `Office` global (office.js could not load), a host
 * other than Excel (Office reports none in a browser) or no answer within `timeoutMs` → file mode.
 * An answer "Excel" arriving after the timeout (a slow cold start of Excel) is handed to
 * `onLateExcel`, so the page can switch back to Excel mode instead of staying in file mode inside Excel.
 */
export function detectHost(office: OfficeLike | undefined, timeoutMs: number, onLateExcel?: (host: Host & { kind: 'excel' }) => void): Promise<Host> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ kind: 'none' });
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      resolve({ kind: 'none' });
    }, timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        // Office.HostType.Excel is the string "Excel"; outside Office, onReady reports host null.
        if (info?.host !== 'Excel') return resolve({ kind: 'none' });
        // Theme and language are extras: a host that cannot give them must not strand the pane
        // (an exception here would leave the promise unresolved until the timeout → file mode).
        let theme: string | undefined;
        let language = 'de-DE';
        try {
          theme = office.context?.officeTheme?.bodyBackgroundColor;
          language = office.context?.displayLanguage || language;
        } catch {
          // keep the defaults
        }
        const excel = { kind: 'excel', dark: isDarkColour(theme), language } as const;
        if (timedOut) onLateExcel?.(excel);
        else resolve(excel);
      },
      () => {
        clearTimeout(timer);
        resolve({ kind: 'none' });
      },
    );
  });
}
