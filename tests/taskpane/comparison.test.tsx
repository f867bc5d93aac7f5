/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import type { CatalogImport } from '../../src/core/catalog';
import { compareYears, countRecords } from '../../src/core/compare';
import type { CountedRecord } from '../../src/core/model';
import { CatalogLoader } from '../../src/taskpane/components/CatalogLoader';
import { ComparisonView } from '../../src/taskpane/components/ComparisonView';
import { EvaluateView } from '../../src/taskpane/components/EvaluateView';
import { ExcelApp } from '../../src/taskpane/components/ExcelApp';
import { FileModeApp } from '../../src/taskpane/components/FileModeApp';
import { type PackedRecords, packRecords, withPackedRecords } from '../../src/taskpane/pipeline/packed-records';
import { FileModeError } from '../../src/taskpane/pipeline/shared';
import type { CatalogLoaded, EvaluatedWorkbook, Evaluation, ExcelServices, FileResult, FileServices } from '../../src/taskpane/types';
import { record } from '../contract/fixtures';
import { analysis, renderPane } from './support';

async function noViolations(container: HTMLElement): Promise<void> {
  expect(await axe(container, { rules: { 'color-contrast': { enabled: false } } })).toHaveNoViolations();
}

beforeAll(() => {
  const { toHaveNoViolations } = jest.requireActual('jest-axe') as typeof import('jest-axe');
  expect.extend(toHaveNoViolations);
});

/** Jagdschein (Leistungsobjekt 99067004) refined from 1 to 4 PDF services; Impfberatung Analog → Digital; Fundsachen dropped. */
function records(): CountedRecord[] {
  const r = (year: number, key: string, name: string, cluster: CountedRecord['cluster']): CountedRecord =>
    record({ year, office: 'Ordnungsamt', cell: `C${year}`, key, keyValid: true, name, cluster });
  return [
    r(2023, '99067004001000', 'Jagdschein', 'PDF'),
    r(2023, '99001001000000', 'Impfberatung', 'Analog'),
    r(2023, '99002002000000', 'Fundsachen', 'Analog'),
    r(2024, '99067004001000', 'Jagdschein', 'PDF'),
    r(2024, '99067004002000', 'Jagdschein Verlängerung', 'PDF'),
    r(2024, '99067004003000', 'Jagdschein Ersatz', 'PDF'),
    r(2024, '99067004004000', 'Jagdschein Ausländer', 'PDF'),
    r(2024, '99001001000000', 'Impfberatung', 'Digital'),
  ];
}
/** The evaluation of those records, as the pipeline hands it to the view. */
function evaluated(recs: CountedRecord[] = records()): EvaluatedWorkbook {
  const years = [2023, 2024];
  const total = Object.fromEntries(years.map((y) => [y, countRecords(recs.filter((r) => r.year === y))]));
  return {
    analysis: { ...analysis(), years, reportYear: 2024, records: recs, total, offices: [{ office: 'Ordnungsamt', counts: total }] },
    comparisons: compareYears(recs, { years }),
  };
}

function catalogLoaded(): CatalogLoaded {
  const catalog: CatalogImport = {
    catalog: { source: 'leika.csv', entries: new Map() },
    findings: [{ severity: 'warning', code: 'INVALID_KEY', sheet: 'leika.csv', cell: 'A7', message: 'Der Schlüssel „99x“ ist ungültig.' }],
    stats: { rows: 12, entries: 9, withoutKey: 2, invalidKey: 1, duplicateKey: 0 },
  };
  return { fileName: 'leika.csv', stats: catalog.stats, findings: catalog.findings, catalog };
}

describe('Vergleich', () => {
  it('shows common/added/removed, the transition matrix with row and column headers, and the refinement list', async () => {
    const { container } = renderPane(<ComparisonView evaluation={evaluated()} copyText={jest.fn()} />);
    expect(screen.getByRole('heading', { name: 'Vergleich 2023 → 2024' })).toBeVisible();
    const counts = screen.getByRole('table', { name: 'Erfasste Leistungen 2023 und 2024' });
    expect(within(counts).getByRole('row', { name: 'In beiden Jahren erfasst 2' })).toBeVisible();
    expect(within(counts).getByRole('row', { name: 'Hinzugekommen 2024 3' })).toBeVisible();
    expect(within(counts).getByRole('row', { name: '2024 nicht mehr erfasst 1' })).toBeVisible();

    const matrix = screen.getByRole('table', { name: 'Übergänge 2023 → 2024' });
    const analog = within(matrix).getByRole('rowheader', { name: 'Analog' });
    const row = analog.closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    const columns = within(matrix).getAllByRole('columnheader').slice(1).map((c) => c.textContent);
    expect(cells[columns.indexOf('Digital')]).toBe('1');
    expect(cells[columns.indexOf('Analog')]).toBe('0');

    const refinement = screen.getByRole('table', { name: 'Verfeinerung im LeiKa' });
    expect(within(refinement).getByRole('row', { name: /Jagdschein 99067004 1 → 4 PDF 1 → 4/ })).toBeVisible();
    await noViolations(container);
  });

  it('shows short cluster names in the narrow pane while screen readers hear the full ones', async () => {
    const r = (year: number, key: string, name: string, cluster: CountedRecord['cluster']): CountedRecord =>
      record({ year, office: 'Ordnungsamt', cell: `C${year}`, key, keyValid: true, name, cluster });
    const recs = [
      r(2023, '99067004001000', 'Jagdschein', 'Projekt in Umsetzung'),
      r(2024, '99067004001000', 'Jagdschein', 'Projekt in Umsetzung'),
      r(2024, '99067004002000', 'Jagdschein Ersatz', 'Kein Optimierungspotenzial'),
    ];
    const { container } = renderPane(<ComparisonView evaluation={evaluated(recs)} copyText={jest.fn()} />);
    /** The text a sighted reader sees in `el`: what screen readers skip, without what only they hear. */
    const shown = (el: HTMLElement): string => [...el.querySelectorAll('[aria-hidden="true"]')].map((e) => e.textContent).join(' ') || el.textContent!;

    const matrix = screen.getByRole('table', { name: 'Übergänge 2023 → 2024' });
    expect(shown(within(matrix).getByRole('columnheader', { name: 'Kein Optimierungspotenzial' }))).toBe('Kein Opt.');
    expect(shown(within(matrix).getByRole('columnheader', { name: 'Projekt in Umsetzung' }))).toBe('Projekt');
    expect(shown(within(matrix).getByRole('rowheader', { name: 'Kein Optimierungspotenzial' }))).toBe('Kein Opt.');
    expect(shown(within(matrix).getByRole('rowheader', { name: 'Projekt in Umsetzung' }))).toBe('Projekt');
    expect(shown(within(matrix).getByRole('columnheader', { name: 'Cluster 2023 (Zeile) / 2024 (Spalte)' }))).toBe('2023 ↓ 2024 →');
    // the short names are explained on screen, and a mouse pointer shows the full name
    expect(screen.getByText('Abkürzungen: Kein Opt. = Kein Optimierungspotenzial; Projekt = Projekt in Umsetzung.')).toBeVisible();
    expect(within(matrix).getAllByTitle('Kein Optimierungspotenzial').map((e) => e.textContent)).toEqual(['Kein Opt.', 'Kein Opt.']);

    const refinement = screen.getByRole('table', { name: 'Verfeinerung im LeiKa' });
    const row = within(refinement).getByRole('row', { name: /^Jagdschein 99067004 1 → 2 Kein Optimierungspotenzial 0 → 1 Projekt in Umsetzung 1 → 1$/ });
    expect(within(row).getAllByTitle(/./).map((e) => e.textContent)).toEqual(['Kein Opt.', 'Projekt']);
    await noViolations(container);
  });

  it('copies the generated German sentences with Text kopieren', async () => {
    const copyText = jest.fn(async () => true);
    renderPane(<ComparisonView evaluation={evaluated()} copyText={copyText} />);
    expect(screen.getByText('Im Jahr 2024 wurden 5 Verwaltungsleistungen erfasst, 2 mehr als im Vorjahr (2023: 3).')).toBeVisible();
    // Jagdschein grew by three keys: below the ten of SPEC §9, so the text does not call it refined
    expect(screen.queryByText(/ausdifferenziert/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Text kopieren' }));
    expect(copyText).toHaveBeenCalledWith(expect.stringMatching(/^Im Jahr 2024 wurden 5 Verwaltungsleistungen erfasst/));
    expect(await screen.findByText('Text in die Zwischenablage kopiert.')).toBeVisible();
  });

  it('says how to copy by hand where the clipboard is not allowed', async () => {
    renderPane(<ComparisonView evaluation={evaluated()} copyText={async () => false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Text kopieren' }));
    expect(await screen.findByText(/mit Strg\+C kopieren/)).toBeVisible();
  });

  it('needs two years', () => {
    renderPane(<ComparisonView evaluation={{ ...evaluated(), comparisons: [] }} copyText={jest.fn()} />);
    expect(screen.getByText(/mindestens zwei Jahre.*zweiten Jahres ergänzen und erneut auswerten/)).toBeVisible();
  });
});

describe('LeiKa-Katalog laden', () => {
  it('shows entries, rows without key, unusable rows and the findings after a load', async () => {
    const loadCatalog = jest.fn(async () => ({ ...catalogLoaded(), storedIn: 'LeiKa-Katalog' }));
    const { container } = renderPane(<CatalogLoader loadCatalog={loadCatalog} mode="excel" />);
    const file = new File(['Schlüssel;Bezeichnung'], 'leika.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('LeiKa-Katalog laden'), file);
    expect(loadCatalog).toHaveBeenCalledWith(file);
    const stats = await screen.findByRole('table', { name: 'Katalog „leika.csv“' });
    expect(within(stats).getByRole('row', { name: 'Leistungen übernommen 9' })).toBeVisible();
    expect(within(stats).getByRole('row', { name: 'Zeilen ohne Schlüssel (übersprungen) 2' })).toBeVisible();
    expect(within(stats).getByRole('row', { name: 'Unbrauchbare Zeilen (siehe Hinweise) 1' })).toBeVisible();
    expect(screen.getByText(/Im Blatt „LeiKa-Katalog“ gespeichert/)).toBeVisible();
    expect(screen.getByText('Der Schlüssel „99x“ ist ungültig.')).toBeVisible();
    await noViolations(container);
  });

  it('shows a file that is no catalogue as one German message', async () => {
    const loadCatalog = jest.fn(async () => Promise.reject(new Error('„notizen.csv“ ist kein LeiKa-Katalog: keine Kopfzeile mit Schlüssel und Bezeichnung.')));
    renderPane(<CatalogLoader loadCatalog={loadCatalog} mode="file" />);
    await userEvent.upload(screen.getByLabelText('LeiKa-Katalog laden'), new File(['x'], 'notizen.csv'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/kein LeiKa-Katalog/);
  });

  it('in file mode passes the loaded catalogue to the next Auswerten and shows the Vergleich tab', async () => {
    const loaded = catalogLoaded();
    const services: FileServices = {
      evaluateFile: jest.fn(async () => ({ ...evaluated(), report: Promise.resolve(new Blob(['x'])), reportName: 'B.xlsx' })),
      loadCatalog: jest.fn(async () => loaded),
      copyText: jest.fn(async () => true),
    };
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
    const { container } = renderPane(<FileModeApp services={services} />);
    await userEvent.upload(screen.getByLabelText('LeiKa-Katalog laden'), new File(['x'], 'leika.csv'));
    expect(await screen.findByText('Wird bei der nächsten Auswertung verwendet.')).toBeVisible();
    const workbook = new File(['xlsx'], 'Übersicht.xlsx');
    await userEvent.upload(screen.getByLabelText('Arbeitsmappe öffnen'), workbook);
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(services.evaluateFile).toHaveBeenCalledWith([workbook], expect.any(Function), loaded.catalog);
    await screen.findByRole('button', { name: 'Ergebnis herunterladen' });
    await userEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByRole('table', { name: 'Übergänge 2023 → 2024' })).toBeVisible();
    await noViolations(container);
  });
});

describe('Dateimodus: Vergleich while the records are on their way', () => {
  /** A file-mode result whose records follow it from the worker, as the pipeline hands it over. */
  function following(): { result: FileResult; deliver: () => void; fail: () => void } {
    const whole = evaluated();
    const { records: recs, ...rest } = whole.analysis;
    let deliver!: () => void;
    let fail!: () => void;
    const packed = new Promise<PackedRecords>((resolve, reject) => {
      deliver = () => resolve(packRecords(recs));
      fail = () => reject(new FileModeError('Der Vergleich kann nicht gezeigt werden: der Browser hat die Auswertung vorher abgebrochen.'));
    });
    const { analysis: a, arrival } = withPackedRecords(rest, packed);
    arrival.catch(() => undefined);
    return { result: { ...whole, analysis: a, recordsArrival: arrival, report: new Promise<Blob>(() => undefined), reportName: 'B.xlsx' }, deliver, fail };
  }

  async function evaluateAndOpenVergleich(result: FileResult): Promise<void> {
    const services: FileServices = { evaluateFile: jest.fn(async () => result), loadCatalog: jest.fn(), copyText: jest.fn(async () => true) };
    renderPane(<FileModeApp services={services} />);
    await userEvent.upload(screen.getByLabelText('Arbeitsmappe öffnen'), new File(['xlsx'], 'Übersicht.xlsx'));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    await screen.findByRole('table', { name: 'Monitoring-Tabelle' });
    await userEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
  }

  it('says the Vergleich is being prepared, then shows it once the records came', async () => {
    const { result, deliver } = following();
    await evaluateAndOpenVergleich(result);
    expect(screen.getByText('Der Vergleich wird vorbereitet …')).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Übergänge 2023 → 2024' })).toBeNull();
    await act(async () => deliver());
    expect(await screen.findByRole('table', { name: 'Übergänge 2023 → 2024' })).toBeVisible();
    expect(screen.queryByText('Der Vergleich wird vorbereitet …')).toBeNull();
  });

  it('says why where the records never come', async () => {
    const { result, fail } = following();
    await evaluateAndOpenVergleich(result);
    await act(async () => fail());
    expect((await screen.findByRole('alert')).textContent).toMatch(/Der Vergleich kann nicht gezeigt werden/);
  });
});

describe('PivotTable option', () => {
  const evaluation = (): Evaluation => ({
    analysis: analysis(),
    comparisons: [],
    report: { sheets: [{ role: 'Gesamtliste', sheet: 'Gesamtliste', rewritten: false }], pivotTable: { sheet: 'Gesamtliste Pivot', name: 'LeiKaPivotGesamtliste' } },
  });

  it('asks for the PivotTable only where supported and reports where it went', async () => {
    const evaluate = jest.fn(async () => evaluation());
    const { container } = renderPane(<EvaluateView evaluate={evaluate} copyTable={jest.fn()} pivotSupported />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'PivotTable zur Gesamtliste anlegen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluate).toHaveBeenCalledWith(expect.any(Function), { pivot: true });
    expect(await screen.findByText('PivotTable zur Gesamtliste im Blatt „Gesamtliste Pivot“ angelegt.')).toBeVisible();
    await noViolations(container);
  });

  it('is disabled with the reason where Excel offers no PivotTables', async () => {
    const evaluate = jest.fn(async () => evaluation());
    renderPane(<EvaluateView evaluate={evaluate} copyTable={jest.fn()} pivotSupported={false} />);
    const box = screen.getByRole('checkbox', { name: 'PivotTable zur Gesamtliste anlegen' }) as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.getByText(/bietet Add-ins keine PivotTables/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluate).toHaveBeenCalledWith(expect.any(Function), { pivot: false });
  });
});

describe('Excel task pane: Vergleich tab', () => {
  it('shows the comparison of the last evaluation and stores a catalogue through the service', async () => {
    const loadCatalog = jest.fn(async () => ({ ...catalogLoaded(), storedIn: 'LeiKa-Katalog' }));
    const services: ExcelServices = {
      features: { pivotTable: false },
      inspect: async () => ({ analysis: analysis(), sheetNames: [], settings: {}, mapping: [] }),
      evaluate: async () => ({ ...evaluated(), report: { sheets: [] } }),
      goToCell: jest.fn(),
      copyTable: async () => 'selected',
      copyText: async () => true,
      loadCatalog,
      saveSettings: jest.fn(),
      saveMapping: jest.fn(),
      newOfficeSheet: async (n) => n,
      newReportYear: async () => ({ changed: 0, done: [], skipped: [], notDone: [] }),
      selfTest: jest.fn(),
    };
    const { container } = renderPane(<ExcelApp services={services} />);
    await userEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByText(/Noch keine Auswertung/)).toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Auswerten' }));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    await screen.findByRole('table', { name: 'Monitoring-Tabelle' });
    await userEvent.click(screen.getByRole('tab', { name: 'Vergleich' }));
    expect(screen.getByRole('table', { name: 'Verfeinerung im LeiKa' })).toBeVisible();
    await act(async () => userEvent.upload(screen.getByLabelText('LeiKa-Katalog laden'), new File(['x'], 'leika.csv')));
    await waitFor(() => expect(loadCatalog).toHaveBeenCalled());
    expect(await screen.findByText(/Im Blatt „LeiKa-Katalog“ gespeichert/)).toBeVisible();
    await noViolations(container);
  });
});
