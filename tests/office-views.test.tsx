/** @jest-environment jsdom */
/**
 * The pane's side of issue 7: the Selbsttest under Einstellungen, sheet names checked before
 * Excel sees them, and Neues Berichtsjahr telling which sheets were done.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import type { SelfTestReport } from '../src/adapters/office/selftest';
import { SelfTestView } from '../src/taskpane/components/SelfTestView';
import { TemplatesView } from '../src/taskpane/components/TemplatesView';
import { renderPane } from './taskpane/support';

beforeAll(() => {
  const { toHaveNoViolations } = jest.requireActual('jest-axe') as typeof import('jest-axe');
  expect.extend(toHaveNoViolations);
});

async function noViolations(container: HTMLElement): Promise<void> {
  // Colour contrast cannot be computed in jsdom; the browser test checks it.
  expect(await axe(container, { rules: { 'color-contrast': { enabled: false } } })).toHaveNoViolations();
}

const REPORT: SelfTestReport = {
  steps: [
    { id: 'writeValues', api: 'Range.values', outcome: { kind: 'ok' } },
    { id: 'insertCells', api: 'Range.insert', outcome: { kind: 'failed', error: 'InvalidOperation: nicht erlaubt' } },
    { id: 'chartDataTable', api: 'Chart.getDataTable', outcome: { kind: 'skipped' } },
  ],
  host: { host: 'Excel', platform: 'Mac', version: '16.89' },
  supported: ['1.1', '1.2', '1.13'],
  sheet: 'LeiKa-Selbsttest ab12cd',
  cleanup: { kind: 'ok' },
};

describe('Selbsttest view', () => {
  it('lists each step with OK or Excel\'s error, the host facts, and copies the report in the click', async () => {
    const copyText = jest.fn(async () => true);
    const { container } = renderPane(<SelfTestView selfTest={async () => REPORT} copyText={copyText} />);
    await userEvent.click(screen.getByRole('button', { name: 'Selbsttest starten' }));
    expect(await screen.findByText(/1 von 3 Schritten fehlgeschlagen/)).not.toBeNull();
    expect(screen.getByText('InvalidOperation: nicht erlaubt')).not.toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Plattform' }).nextSibling?.textContent).toBe('Mac');
    expect(screen.getByText(/Vorübergehendes Blatt „LeiKa-Selbsttest ab12cd“ gelöscht/)).not.toBeNull();
    await noViolations(container);
    await userEvent.click(screen.getByRole('button', { name: 'Bericht kopieren' }));
    const text = (copyText.mock.calls[0] as unknown as [string])[0];
    expect(text.split('\n')).toEqual([
      'LeiKa-Monitor – Selbsttest',
      'Host: Excel; Plattform: Mac; Office-Version: 16.89',
      'Unterstützte ExcelApi-Versionen: 1.1, 1.2, 1.13',
      '',
      '1. Werte und Zahlenformate schreiben (Text als Text) [Range.values]: OK',
      '2. Zellen einfügen und Überschrift schreiben (Neues Berichtsjahr außerhalb von Tabellen) [Range.insert]: InvalidOperation: nicht erlaubt',
      '3. Datentabelle am Diagramm [Chart.getDataTable]: nicht ausgeführt (von dieser Excel-Version nicht angeboten)',
      '',
      'Vorübergehendes Blatt „LeiKa-Selbsttest ab12cd“ gelöscht.',
    ]);
    expect(await screen.findByText('Bericht in die Zwischenablage kopiert.')).not.toBeNull();
  });

  it('offers the report for Strg+C where the clipboard is refused', async () => {
    renderPane(<SelfTestView selfTest={async () => REPORT} copyText={async () => false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Selbsttest starten' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Bericht kopieren' }));
    const area = (await screen.findByRole('textbox', { name: 'Bericht für die IT-Betreuung' })) as HTMLTextAreaElement;
    expect(area.value).toMatch(/^LeiKa-Monitor – Selbsttest\n/);
    expect(screen.getByText(/Zwischenablage ist hier nicht erlaubt/)).not.toBeNull();
  });
});

describe('Vorlagen: checks before Excel sees a name', () => {
  it.each([
    ['ämter', 'Ein Blatt „ämter“ gibt es schon (Excel unterscheidet nicht zwischen Groß- und Kleinschreibung).'],
    ['Bau/Wohnen', /nicht erlaubt/],
    ['Amt für Digitalisierung und Organisation', /höchstens 31 Zeichen \(jetzt 40\)/],
  ])('„%s“: says why and does not create the sheet', async (name, message) => {
    const newOfficeSheet = jest.fn(async (n: string) => n);
    renderPane(<TemplatesView reportYear={2024} sheetNames={['Ämter']} newOfficeSheet={newOfficeSheet} newReportYear={jest.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: /Name des Amtes/ }), name);
    expect(screen.getByText(message)).not.toBeNull();
    expect((screen.getByRole('button', { name: 'Amtsblatt anlegen' }) as HTMLButtonElement).disabled).toBe(true);
    expect(newOfficeSheet).not.toHaveBeenCalled();
  });

  it('tells which sheets the new year reached and which Excel refused', async () => {
    const newReportYear = jest.fn(async () => ({ changed: 1, done: ['Bauamt'], skipped: [], failed: { sheet: 'Jugendamt', message: 'InvalidOperation: gesperrt' }, notDone: ['Sozialamt'] }));
    renderPane(<TemplatesView reportYear={2024} sheetNames={[]} newOfficeSheet={jest.fn()} newReportYear={newReportYear} />);
    await userEvent.click(screen.getByRole('button', { name: 'Neues Berichtsjahr' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Spalten einfügen', hidden: true }));
    expect(await screen.findByText('Erledigt: Bauamt.')).not.toBeNull();
    expect(screen.getByText(/im Blatt „Jugendamt“ abgelehnt \(InvalidOperation: gesperrt\)/)).not.toBeNull();
    expect(screen.getByText('Nicht erledigt: Sozialamt.')).not.toBeNull();
  });
});
