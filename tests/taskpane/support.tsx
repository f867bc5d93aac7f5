// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: ResizeObserverStub });
}

import '@testing-library/jest-dom';
import { configure, render, type RenderResult } from '@testing-library/react';

// The whole suite runs in parallel (browser, LibreOffice): allow slow renders.
configure({ asyncUtilTimeout: 5000 });
import type { ReactElement } from 'react';
import { Root } from '../../src/taskpane/components/Root';
import { de } from '../../src/i18n';
import type { Analysis } from '../../src/core/model';
import { publishedAnalysis } from '../contract/fixtures';

export function renderPane(ui: ReactElement, dark = false): RenderResult {
  return render(
    <Root dark={dark} strings={de}>
      {ui}
    </Root>,
  );
}

export function analysis(): Analysis {
  return {
    ...publishedAnalysis(),
    officeSheets: [
      { sheet: 'Gesundheitsamt', serviceRows: 4, years: [2023, 2024], layout: 'wide', tables: 1 },
      { sheet: 'Ordnungsamt', serviceRows: 3, years: [2024], layout: 'long', tables: 1 },
    ],
    skippedSheets: [{ sheet: 'Anleitung', reason: 'keine Kopfzeile gefunden' }],
  };
}
