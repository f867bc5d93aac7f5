/** @jest-environment jsdom */
import { de } from '../../src/i18n/de';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { EvaluateView } from '../../src/taskpane/components/EvaluateView';
import { ExcelApp } from '../../src/taskpane/components/ExcelApp';
import { FileModeApp } from '../../src/taskpane/components/FileModeApp';
import { FindingsView } from '../../src/taskpane/components/FindingsView';
import { OverviewView } from '../../src/taskpane/components/OverviewView';
import { SettingsView } from '../../src/taskpane/components/SettingsView';
import { TemplatesView } from '../../src/taskpane/components/TemplatesView';
import type { Evaluation, ExcelServices, Inspection } from '../../src/taskpane/types';
import { FINDINGS } from '../contract/fixtures';
import { analysis, renderPane } from './support';

const inspection = (): Inspection => ({ analysis: analysis(), sheetNames: ['Anleitung', 'Gesundheitsamt', 'Ordnungsamt'], settings: { reportYear: 2024 }, mapping: [{ value: 'E-Akte', cluster: 'Digital' }] });
const evaluation = (): Evaluation => ({
  analysis: { ...analysis(), findings: FINDINGS },
  comparisons: [],
  report: { sheets: [{ role: 'Monitoring', sheet: 'Monitoring (2)', rewritten: false, displacedBy: 'Monitoring' }] },
});

async function noViolations(container: HTMLElement): Promise<void> {
  // Fluent's table uses role=grid-less markup; colour contrast cannot be computed in jsdom.
  expect(await axe(container, { rules: { 'color-contrast': { enabled: false } } })).toHaveNoViolations();
}

beforeAll(() => {
  const { toHaveNoViolations } = jest.requireActual('jest-axe') as typeof import('jest-axe');
  expect.extend(toHaveNoViolations);
});

describe('Übersicht', () => {
  it('lists office sheets with rows, years and layout, and skipped sheets with the reason', async () => {
    const { container } = renderPane(<OverviewView inspect={async () => inspection()} />);
    const sheets = await screen.findByRole('table', { name: 'Gefundene Amtsblätter' });
    expect(within(sheets).getByRole('row', { name: /Gesundheitsamt eine Spalte je Jahr 4 2023, 2024/ })).toBeVisible();
    expect(within(screen.getByRole('table', { name: 'Übersprungene Blätter' })).getByText('keine Kopfzeile gefunden')).toBeVisible();
    await noViolations(container);
  });

  it('shows a failure as a German message', async () => {
    renderPane(<OverviewView inspect={async () => Promise.reject(new Error('Excel antwortet nicht'))} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Excel antwortet nicht/);
  });
});

describe('Auswerten', () => {
  it('shows progress, then the Monitoring table, the summary and a displaced-sheet note', async () => {
    let finish: (e: Evaluation) => void = () => undefined;
    const evaluate = jest.fn((onProgress: (s: 'read' | 'analyze' | 'write' | 'done', f: number) => void) => {
      onProgress('write', 0.6);
      return new Promise<Evaluation>((r) => (finish = r));
    });
    const copyTable = jest.fn(async () => 'copied' as const);
    const { container } = renderPane(<EvaluateView evaluate={evaluate} copyTable={copyTable} />);
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(await screen.findByText('Ergebnisblätter schreiben')).toBeVisible();
    expect(screen.getByRole('progressbar')).toBeVisible();
    await act(async () => finish(evaluation()));
    const table = await screen.findByRole('table', { name: 'Monitoring-Tabelle' });
    expect(within(table).getByRole('row', { name: /Alle Dienstleistungen 835 1\.187/ })).toBeVisible();
    // services and years, not a count of records that reads like a year (issue 12)
    expect(screen.getByText(/Leistungen im Berichtsjahr/).textContent).toBe(`1.187 Leistungen im Berichtsjahr 2024 aus ${evaluation().analysis.offices.length} Ämtern (2023: 835).`);
    expect(screen.getByText(/Das Blatt „Monitoring“ gehört nicht zum LeiKa-Monitor/)).toBeVisible();
    await noViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Tabelle kopieren' }));
    expect(copyTable).toHaveBeenCalled();
    expect(await screen.findByText(/in die Zwischenablage kopiert/)).toBeVisible();
  });
});

describe('Prüfhinweise', () => {
  it('counts findings in German with the noun in the right number', () => {
    expect(de.evaluate.findingsSummary(1, 1, 1)).toBe('Prüfhinweise: 1 Fehler, 1 Warnung, 1 Hinweis.');
    expect(de.evaluate.findingsSummary(0, 2, 3)).toBe('Prüfhinweise: 0 Fehler, 2 Warnungen, 3 Hinweise.');
  });

  it('groups findings by severity and selects the cell with Zur Zelle', async () => {
    const goToCell = jest.fn(async () => undefined);
    const { container } = renderPane(<FindingsView findings={FINDINGS} goToCell={goToCell} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Fehler (1)', 'Warnungen (1)', 'Hinweise (1)']);
    await userEvent.click(screen.getByRole('button', { name: 'Zur Zelle Gesundheitsamt!D17' }));
    expect(goToCell).toHaveBeenCalledWith('Gesundheitsamt', 'D17');
    await noViolations(container);
  });

  it('is keyboard operable', async () => {
    const goToCell = jest.fn(async () => undefined);
    renderPane(<FindingsView findings={FINDINGS} goToCell={goToCell} />);
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(goToCell).toHaveBeenCalledWith('Gesundheitsamt', 'D17');
  });
});

describe('Einstellungen', () => {
  it('saves report year, sheets and the Zuordnung mapping through the given functions', async () => {
    const saveSettings = jest.fn(async () => undefined);
    const saveMapping = jest.fn(async () => undefined);
    const { container } = renderPane(<SettingsView inspection={inspection()} saveSettings={saveSettings} saveMapping={saveMapping} />);
    const year = screen.getByRole('textbox', { name: /Berichtsjahr/ });
    await userEvent.clear(year);
    await userEvent.type(year, '2025');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Ordnungsamt' }));
    await userEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    expect(saveSettings).toHaveBeenCalledWith({ reportYear: 2025, sheets: ['Ordnungsamt'] });
    await userEvent.click(screen.getByRole('button', { name: 'Zeile hinzufügen' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Wert 2' }), 'Papierantrag');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Cluster 2' }), 'Analog');
    await userEvent.click(screen.getByRole('button', { name: 'Zuordnung speichern' }));
    expect(saveMapping).toHaveBeenCalledWith([
      { value: 'E-Akte', cluster: 'Digital' },
      { value: 'Papierantrag', cluster: 'Analog' },
    ]);
    await noViolations(container);
  });

  it('refuses a report year outside 2000–2099', async () => {
    renderPane(<SettingsView inspection={inspection()} saveSettings={jest.fn()} saveMapping={jest.fn()} />);
    const year = screen.getByRole('textbox', { name: /Berichtsjahr/ });
    await userEvent.clear(year);
    await userEvent.type(year, '1999');
    expect((screen.getByRole('button', { name: 'Einstellungen speichern' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Vorlagen', () => {
  it('creates an office sheet and asks before adding a report year', async () => {
    const newOfficeSheet = jest.fn(async (name: string) => name);
    const newReportYear = jest.fn(async () => ({ changed: 2, done: ['Jugendamt'], skipped: [{ sheet: 'Bauamt', reason: 'zweizeilige Überschrift' }], notDone: [] }));
    const { container } = renderPane(<TemplatesView reportYear={2024} sheetNames={['Jugendamt']} newOfficeSheet={newOfficeSheet} newReportYear={newReportYear} />);
    await userEvent.type(screen.getByRole('textbox', { name: /Name des Amtes/ }), 'Bauamt');
    await userEvent.click(screen.getByRole('button', { name: 'Amtsblatt anlegen' }));
    expect(newOfficeSheet).toHaveBeenCalledWith('Bauamt', 2024);
    expect(await screen.findByText('Blatt „Bauamt“ angelegt.')).toBeVisible();
    await noViolations(container);

    await userEvent.click(screen.getByRole('button', { name: 'Neues Berichtsjahr' }));
    // Tabster's modalizer in jsdom may briefly mark the open dialog aria-hidden (not so in a
    // browser), so the dialog's parts are found regardless of aria-hidden.
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(dialog).toHaveAttribute('aria-labelledby');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Berichtsjahr 2025 anlegen?');
    expect(dialog.textContent).toMatch(/einzige Aktion, die in die Amtsblätter schreibt/);
    await noViolations(dialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Abbrechen', hidden: true }));
    expect(newReportYear).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Neues Berichtsjahr' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Spalten einfügen', hidden: true }));
    expect(newReportYear).toHaveBeenCalledWith(2025);
    expect(await screen.findByText('2 Tabellen um das neue Jahr ergänzt.')).toBeVisible();
  });
});

describe('Excel task pane', () => {
  it('switches views by keyboard-operable tabs, in the dark theme too', async () => {
    const services: ExcelServices = {
      features: { pivotTable: true },
      copyText: async () => true,
      loadCatalog: async () => Promise.reject(new Error('nicht benutzt')),
      inspect: async () => inspection(),
      evaluate: async () => evaluation(),
      goToCell: jest.fn(async () => undefined),
      copyTable: async () => 'selected',
      saveSettings: jest.fn(async () => undefined),
      saveMapping: jest.fn(async () => undefined),
      newOfficeSheet: async (n) => n,
      newReportYear: async () => ({ changed: 0, done: [], skipped: [], notDone: [] }),
      selfTest: jest.fn(),
    };
    const { container } = renderPane(<ExcelApp services={services} />, true);
    expect(await screen.findByRole('table', { name: 'Gefundene Amtsblätter' })).toBeVisible();
    await noViolations(container);
    await userEvent.click(screen.getByRole('tab', { name: 'Auswerten' }));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    await screen.findByRole('table', { name: 'Monitoring-Tabelle' });
    await userEvent.click(screen.getByRole('tab', { name: 'Prüfhinweise' }));
    expect(screen.getAllByRole('button', { name: /^Zur Zelle/ })).toHaveLength(3);
    await userEvent.click(screen.getByRole('tab', { name: 'Einstellungen' }));
    expect(await screen.findByRole('button', { name: 'Einstellungen speichern' })).toBeVisible();
    await noViolations(container);
  });
});

describe('Dateimodus', () => {
  it('offers Arbeitsmappe öffnen, Auswerten and Ergebnis herunterladen by those names; the result shows before the report file is written', async () => {
    let written!: (blob: Blob) => void;
    const report = new Promise<Blob>((resolve) => (written = resolve));
    const evaluateFile = jest.fn(async () => ({ analysis: analysis(), comparisons: [], report, reportName: 'Bericht.xlsx' }));
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
    const services = { evaluateFile, loadCatalog: jest.fn(), copyText: jest.fn() };
    const { container } = renderPane(<FileModeApp services={services} />);
    await noViolations(container);
    expect((screen.getByRole('button', { name: 'Auswerten' }) as HTMLButtonElement).disabled).toBe(true);
    const file = new File(['xlsx'], 'Übersicht.xlsx');
    await userEvent.upload(screen.getByLabelText('Arbeitsmappe öffnen'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluateFile).toHaveBeenCalledWith([file], expect.any(Function), undefined);
    const download = await screen.findByRole('button', { name: 'Ergebnis herunterladen' });
    expect(screen.getByRole('table', { name: 'Monitoring-Tabelle' })).toBeVisible();
    expect((download as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Die Ergebnisdatei wird erstellt …')).toBeVisible();
    written(new Blob(['x']));
    await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText('Die Ergebnisdatei wird erstellt …')).toBeNull();
    await noViolations(container);
  });

  it('keeps the result on screen and says why when the report file cannot be written', async () => {
    const report = Promise.reject(new Error('Das Ergebnis ist vollständig, aber die Ergebnisdatei konnte nicht erstellt werden: Interner Fehler des LeiKa-Monitors (RangeError).'));
    report.catch(() => undefined);
    const evaluateFile = jest.fn(async () => ({ analysis: analysis(), comparisons: [], report, reportName: 'Bericht.xlsx' }));
    renderPane(<FileModeApp services={{ evaluateFile, loadCatalog: jest.fn(), copyText: jest.fn() }} />);
    await userEvent.upload(screen.getByLabelText('Arbeitsmappe öffnen'), new File(['xlsx'], 'Übersicht.xlsx'));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('die Ergebnisdatei konnte nicht erstellt werden: Interner Fehler des LeiKa-Monitors (RangeError).');
    expect(screen.getByRole('table', { name: 'Monitoring-Tabelle' })).toBeVisible();
    expect((screen.getByRole('button', { name: 'Ergebnis herunterladen' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
