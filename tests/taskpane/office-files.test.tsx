/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EvaluateView } from '../../src/taskpane/components/EvaluateView';
import { FileModeApp } from '../../src/taskpane/components/FileModeApp';
import type { Evaluation, FileResult } from '../../src/taskpane/types';
import { analysis, renderPane } from './support';

const result = (): FileResult => ({
  analysis: analysis(),
  comparisons: [],
  report: Promise.resolve(new Blob(['x'])),
  reportName: 'Amtsdateien – Auswertung.xlsx',
  sources: {
    files: [
      { file: 'Amt 2.xlsx', officeSheets: [], offices: ['Gesundheitsamt'], skippedSheets: [] },
      { file: 'Amt 10.xlsx', officeSheets: [], offices: ['Ordnungsamt', 'Bürgerbüro'], skippedSheets: [] },
      { file: 'Notizen.xlsx', skipped: 'Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).', officeSheets: [], offices: [], skippedSheets: [] },
    ],
    settings: { file: 'Amt 2.xlsx', sheet: 'Einstellungen' },
  },
});

describe('Dateimodus with several office files (SPEC §10)', () => {
  it('takes several files, sorted as a German user sorts, without lock files; each can be removed before Auswerten', async () => {
    const evaluateFile = jest.fn(async () => result());
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
    renderPane(<FileModeApp services={{ evaluateFile, loadCatalog: jest.fn(), copyText: jest.fn() }} />);
    const files = ['Amt 10.xlsx', '~$Amt 2.xlsx', 'Notizen.xlsx', 'Amt 2.xlsx', 'Ämter.xlsx'].map((n) => new File(['x'], n));
    await userEvent.upload(screen.getByLabelText('Arbeitsmappe öffnen'), files);
    const list = screen.getByRole('list', { name: 'Gewählte Dateien' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace('✕', ''))).toEqual(['Amt 2.xlsx', 'Amt 10.xlsx', 'Ämter.xlsx', 'Notizen.xlsx']);
    await userEvent.click(screen.getByRole('button', { name: 'Ämter.xlsx entfernen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluateFile).toHaveBeenCalledWith([files[3], files[0], files[2]], expect.any(Function), undefined);
    const table = await screen.findByRole('table', { name: 'Ausgewertete Dateien' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'DateiÄmter',
      'Amt 2.xlsxGesundheitsamt',
      'Amt 10.xlsxOrdnungsamt, Bürgerbüro',
      'Notizen.xlsxnicht ausgewertet – Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).',
    ]);
    expect(screen.getByText('Einstellungen: Blatt „Einstellungen“ aus „Amt 2.xlsx“')).toBeVisible();
  });
});

describe('Auswerten with „Amtsdateien hinzunehmen“ in the task pane (SPEC §10)', () => {
  it('adds picked files to those chosen, lists them sorted, removes one, and evaluates the open workbook with the rest', async () => {
    const { sources } = result();
    const evaluate = jest.fn(async (): Promise<Evaluation> => ({ analysis: analysis(), comparisons: [], report: { sheets: [] }, ...(sources ? { sources: { ...sources, files: [{ officeSheets: [], offices: ['Jugendamt'], skippedSheets: [] }, ...sources.files] } } : {}) }));
    renderPane(<EvaluateView evaluate={evaluate} copyTable={jest.fn()} />);
    const input = screen.getByLabelText('Amtsdateien hinzunehmen');
    const [a10, a2, a3] = ['Amt 10.xlsx', 'Amt 2.xlsx', 'Amt 3.xlsx'].map((n) => new File(['x'], n));
    await userEvent.upload(input, [a10!, a2!]);
    await userEvent.upload(input, [a3!, new File(['x'], '~$Amt 3.xlsx')]);
    const list = screen.getByRole('list', { name: 'Gewählte Dateien' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace('✕', ''))).toEqual(['Amt 2.xlsx', 'Amt 3.xlsx', 'Amt 10.xlsx']);
    await userEvent.click(screen.getByRole('button', { name: 'Amt 3.xlsx entfernen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluate).toHaveBeenCalledWith(expect.any(Function), { pivot: false, files: [a2, a10] });
    const table = await screen.findByRole('table', { name: 'Ausgewertete Dateien' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe('Geöffnete ArbeitsmappeJugendamt');
  });

  it('evaluates the open workbook alone while no file is added', async () => {
    const evaluate = jest.fn(async (): Promise<Evaluation> => ({ analysis: analysis(), comparisons: [], report: { sheets: [] } }));
    renderPane(<EvaluateView evaluate={evaluate} copyTable={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(evaluate).toHaveBeenCalledWith(expect.any(Function), { pivot: false });
  });
});
