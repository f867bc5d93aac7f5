/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compareYears } from '../../src/core/compare';
import { BausteinActions, BausteinDownloadButton } from '../../src/taskpane/components/BausteinActions';
import { ComparisonView } from '../../src/taskpane/components/ComparisonView';
import { MonitoringPreview } from '../../src/taskpane/components/MonitoringPreview';
import type { BausteinServices, EvaluatedWorkbook } from '../../src/taskpane/types';
import { analysis, renderPane } from './support';

const evaluation: EvaluatedWorkbook = { analysis: analysis(), comparisons: [] };

describe('Baustein für die Mitteilungsvorlage', () => {
  it('copies the Baustein for Word and says how to paste it', async () => {
    const services: BausteinServices = { copy: jest.fn(async () => true), download: jest.fn(async () => undefined) };
    renderPane(<BausteinActions evaluation={evaluation} services={services} />);
    await userEvent.click(screen.getByRole('button', { name: 'Baustein für die Mitteilungsvorlage' }));
    expect(services.copy).toHaveBeenCalledWith(evaluation);
    expect((await screen.findByText(/Zwischenablage/)).textContent).toBe('Baustein in die Zwischenablage kopiert. In Word mit Strg+V einfügen.');
  });

  it('points to the Word download where the host refuses the clipboard', async () => {
    const services: BausteinServices = { copy: async () => false, download: jest.fn(async () => undefined) };
    renderPane(<BausteinActions evaluation={evaluation} services={services} />);
    await userEvent.click(screen.getByRole('button', { name: 'Baustein für die Mitteilungsvorlage' }));
    expect((await screen.findByText(/kein Kopieren/)).textContent).toBe('Excel erlaubt hier kein Kopieren. Bitte „Als Word-Datei herunterladen“ wählen.');
    await userEvent.click(screen.getByRole('button', { name: 'Als Word-Datei herunterladen' }));
    expect(services.download).toHaveBeenCalledWith(evaluation);
    expect((await screen.findByText(/gespeichert/)).textContent).toBe('Word-Datei „Baustein für die Mitteilungsvorlage“ gespeichert.');
  });

  it('says to copy by hand where there is neither clipboard nor download', async () => {
    renderPane(<BausteinActions evaluation={evaluation} services={{ copy: async () => false }} />);
    expect(screen.queryByRole('button', { name: 'Als Word-Datei herunterladen' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Baustein für die Mitteilungsvorlage' }));
    expect((await screen.findByText(/nicht erlaubt/)).textContent).toBe('Das Kopieren ist hier nicht erlaubt. Bitte den Text oben markieren und mit Strg+C kopieren.');
  });

  it('shows a failed download as a German message', async () => {
    const services: BausteinServices = { copy: async () => true, download: async () => Promise.reject(new Error('Das Diagramm konnte nicht gezeichnet werden.')) };
    renderPane(<BausteinDownloadButton evaluation={evaluation} services={services} />);
    await userEvent.click(screen.getByRole('button', { name: 'Baustein herunterladen' }));
    expect((await screen.findByText(/Diagramm/)).textContent).toContain('Das Diagramm konnte nicht gezeichnet werden.');
  });
});

describe('Monitoring preview and Vergleich matrix in the narrow pane', () => {
  it('shows the chart of the latest two years with every value in its alternative text', () => {
    renderPane(<MonitoringPreview analysis={analysis()} />);
    const img = screen.getByRole('img');
    expect(img.getAttribute('alt')).toBe(
      'Säulendiagramm „Verwaltungsleistungen nach Umsetzungsstatus“, 2023 und 2024: Analog 125 und 126; Kein Optimierungspotenzial 180 und 199; PDF 218 und 428; Digital 258 und 283; Projekt in Umsetzung 54 und 151.',
    );
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  });

  it('heads the transition matrix with short cluster names whose accessible names are the full ones', () => {
    const recs = analysis().records;
    renderPane(<ComparisonView evaluation={{ analysis: analysis(), comparisons: compareYears(recs, { years: [2023, 2024] }) }} copyText={async () => true} />);
    const matrix = screen.getByRole('table', { name: /^Übergänge/ });
    const header = within(matrix).getByRole('columnheader', { name: 'Kein Optimierungspotenzial' });
    expect(within(header).getByTitle('Kein Optimierungspotenzial').textContent).toBe('Kein Opt.');
    expect(within(within(matrix).getByRole('columnheader', { name: 'Projekt in Umsetzung' })).getByTitle('Projekt in Umsetzung').textContent).toBe('Projekt');
  });
});
