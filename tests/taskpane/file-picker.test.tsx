/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FileModeApp } from '../../src/taskpane/components/FileModeApp';
import type { FileResult } from '../../src/taskpane/types';
import { analysis, renderPane } from './support';

const services = () => ({
  evaluateFile: jest.fn(async (): Promise<FileResult> => ({ analysis: analysis(), comparisons: [], report: Promise.resolve(new Blob(['x'])), reportName: 'Bericht.xlsx' })),
  loadCatalog: jest.fn(),
  copyText: jest.fn(),
});

describe('Dateimodus: choosing files with a German button and a drop zone', () => {
  it('labels the picker in German and opens the hidden file input from the button', async () => {
    renderPane(<FileModeApp services={services()} />);
    const input = screen.getByLabelText('Arbeitsmappe öffnen') as HTMLInputElement;
    const click = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    const button = screen.getByRole('button', { name: 'Arbeitsmappe öffnen' });
    expect(button).toHaveAccessibleDescription('oder Dateien hierher ziehen');
    await userEvent.click(button);
    expect(click).toHaveBeenCalledTimes(1);
    expect(input.tabIndex).toBe(-1);
    expect(screen.getByText('Bitte zuerst eine Arbeitsmappe oder Amtsdateien wählen.')).toBeVisible();
  });

  it('adds dropped files like picked ones (sorted, without lock files) and evaluates them', async () => {
    const svc = services();
    renderPane(<FileModeApp services={svc} />);
    const files = ['Amt 10.xlsx', '~$Amt 2.xlsx', 'Amt 2.xlsx'].map((n) => new File(['x'], n));
    const zone = screen.getByRole('button', { name: 'Arbeitsmappe öffnen' }).parentElement!;
    fireEvent.dragOver(zone, { dataTransfer: { files } });
    fireEvent.drop(zone, { dataTransfer: { files } });
    const list = screen.getByRole('list', { name: 'Gewählte Dateien' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace('✕', ''))).toEqual(['Amt 2.xlsx', 'Amt 10.xlsx']);
    await userEvent.click(screen.getByRole('button', { name: 'Auswerten' }));
    expect(svc.evaluateFile).toHaveBeenCalledWith([files[2], files[0]], expect.any(Function), undefined);
  });
});
