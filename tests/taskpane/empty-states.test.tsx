/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { FindingsList } from '../../src/taskpane/components/FindingsList';
import { MonitoringPreview } from '../../src/taskpane/components/MonitoringPreview';
import { analysis, renderPane } from './support';

describe('empty states say what to do next', () => {
  it('Monitoring without any counted year points to the Prüfhinweise instead of showing an empty table', () => {
    renderPane(<MonitoringPreview analysis={{ ...analysis(), years: [] }} />);
    expect(screen.getByText(/Keine Jahre mit erfassten Leistungen.*Prüfhinweise ansehen/)).toBeVisible();
    expect(screen.queryByRole('table', { name: 'Monitoring-Tabelle' })).toBeNull();
  });

  it('no Prüfhinweise says that everything read is in order', () => {
    renderPane(<FindingsList findings={[]} />);
    expect(screen.getByText('Keine Prüfhinweise – alle gelesenen Angaben sind in Ordnung.')).toBeVisible();
  });
});
