/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { StartError, StartErrorBoundary } from '../../src/taskpane/components/StartError';
import { renderPane } from './support';

/**
 * Issue 10 point 6: a start that fails shows the German error and what to do, never a spinner
 * that turns forever. index.tsx starts the pane when it is loaded, so each test loads it afresh.
 */
function startPane(office: unknown, mocks: Record<string, () => unknown> = {}): void {
  document.body.innerHTML = '<div id="root"></div>';
  (globalThis as { Office?: unknown }).Office = office;
  jest.isolateModules(() => {
    // webpack turns this module into the worker's URL; jest cannot load its `import.meta`.
    jest.doMock('../../src/taskpane/pipeline/file-worker-url', () => ({ createFileWorker: jest.fn() }));
    for (const [path, factory] of Object.entries(mocks)) jest.doMock(path, factory);
    require('../../src/taskpane/index');
  });
}

async function expectStartError(detail: RegExp): Promise<void> {
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Der LeiKa-Monitor konnte nicht gestartet werden.');
  expect(alert).toHaveTextContent(/Bitte laden Sie das Add-in neu/);
  expect(alert).toHaveTextContent(detail);
  expect(screen.getByRole('button', { name: 'Neu laden' })).toBeVisible();
  expect(screen.queryByText('Wird geladen …')).toBeNull();
}

describe('a failed start', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    // React reports the errors these tests provoke on the console as well.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    consoleError.mockRestore();
    document.body.innerHTML = '';
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('shows the German error instead of the spinner when office.js throws on start', async () => {
    startPane({
      onReady: () => {
        throw new Error('Office.js ist nicht bereit');
      },
    });
    await expectStartError(/Fehlermeldung: Office\.js ist nicht bereit/);
  });

  it('shows the German error when Excel answers but the Excel part of the pane does not load', async () => {
    startPane(
      { onReady: async () => ({ host: 'Excel' }), context: { displayLanguage: 'de-DE' } },
      {
        '../../src/taskpane/pipeline/excel': () => {
          throw new Error('Loading chunk excel failed.');
        },
      },
    );
    await expectStartError(/Fehlermeldung: Loading chunk excel failed\./);
  });

  it('shows the German error when the first view throws while rendering', async () => {
    startPane(undefined, {
      '../../src/taskpane/components/FileModeApp': () => ({
        FileModeApp: () => {
          throw new Error('Ansicht kaputt');
        },
      }),
    });
    await expectStartError(/Fehlermeldung: Ansicht kaputt/);
  });

  it('says the pane ran into an error, not that it did not start, when a view throws later', async () => {
    function BreaksOnClick(): React.JSX.Element {
      const [broken, setBroken] = useState(false);
      if (broken) throw new Error('Ansicht später kaputt');
      return <button onClick={() => setBroken(true)}>Weiter</button>;
    }
    renderPane(
      <StartErrorBoundary onReload={jest.fn()}>
        <BreaksOnClick />
      </StartErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Der LeiKa-Monitor ist auf einen Fehler gestoßen und kann so nicht weiterarbeiten.');
    expect(alert).not.toHaveTextContent('nicht gestartet');
    expect(alert).toHaveTextContent('Fehlermeldung: Ansicht später kaputt');
    expect(screen.getByRole('button', { name: 'Neu laden' })).toBeVisible();
  });

  it('offers to load the pane again', async () => {
    const onReload = jest.fn();
    renderPane(<StartError message="x" onReload={onReload} />);
    await userEvent.click(screen.getByRole('button', { name: 'Neu laden' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
