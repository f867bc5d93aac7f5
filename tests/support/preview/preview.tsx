/**
 * `npm run preview`: the task pane in Excel mode against a simulated workbook — the fake Excel
 * of the tests, loaded with the demo workbook — so a person (and the browser test) can click
 * through Auswerten, Prüfhinweise → Zur Zelle, Vergleich, Einstellungen, Vorlagen, Neues
 * Berichtsjahr and Selbsttest without Excel. Nothing leaves the browser.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OfficeWorkbookAdapter } from '../../../src/adapters/office';
import { readXlsx } from '../../../src/adapters/xlsx/reader';
import { de } from '../../../src/i18n';
import { ExcelApp } from '../../../src/taskpane/components/ExcelApp';
import { Root } from '../../../src/taskpane/components/Root';
import { excelServices } from '../../../src/taskpane/pipeline/excel';
import { type FakeBook, fakeBookFrom, fakeExcelRun } from '../fake-excel';

const DEMO = 'Digitalisierungsuebersicht_Demo.xlsx';

/** What the browser test reads back from the simulated workbook. */
export interface PreviewHandle {
  readonly book: FakeBook;
}

declare global {
  interface Window {
    leikaPreview?: PreviewHandle;
  }
}

const useStyles = makeStyles({
  book: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalM },
});

/** The simulated workbook beside the pane: its sheets, the active one and the selection. */
function BookState({ book }: { book: FakeBook }): React.JSX.Element {
  const s = useStyles();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <aside aria-label="Simulierte Arbeitsmappe" className={s.book}>
      <Text weight="semibold">Simulierte Arbeitsmappe</Text>
      <Text>Blätter: {book.sheets.map((x) => x.name).join(', ')}</Text>
      <Text>Aktives Blatt: {book.activeSheet()?.name ?? '–'}; Auswahl: {book.selection ?? '–'}</Text>
    </aside>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('preview.html has no #root');
  const bytes = new Uint8Array(await (await fetch(DEMO)).arrayBuffer());
  const book = fakeBookFrom(readXlsx(bytes));
  book.host = { host: 'Excel', platform: 'Vorschau (simuliert)', version: 'Vorschau' };
  window.leikaPreview = { book };
  // The simulated host offers everything up to ExcelApi 1.14 (PivotTable and chart data table included).
  const supports = (set: string, version: string): boolean => set === 'ExcelApi' && Number(version.split('.')[1]) <= 14;
  const adapter = new OfficeWorkbookAdapter(fakeExcelRun(book), supports, () => book.host);
  document.documentElement.dataset.mode = 'excel';
  createRoot(container).render(
    <Root dark={matchMedia('(prefers-color-scheme: dark)').matches} strings={de}>
      <Text as="p" role="note">
        Vorschau ohne Excel: Der Aufgabenbereich arbeitet auf einer simulierten Arbeitsmappe ({DEMO}).
      </Text>
      <ExcelApp services={excelServices(adapter)} />
      <BookState book={book} />
    </Root>,
  );
}

void main();
