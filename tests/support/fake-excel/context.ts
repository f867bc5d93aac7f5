/**
 * The request context and Excel.run of the fake Excel.
 * - Excel.run with `delayForCellEdit: true` waits while the user edits a cell; without it "if
 *   the user is in cell edit when the batch request is processed by the host, the batch
 *   automatically fails" (Excel.RunOptions, learn.microsoft.com): InvalidOperationInCellEditMode.
 * - Application.calculationMode is application-wide: the fake counts every change so tests can
 *   prove the add-in leaves it alone.
 */
import type { ExcelRun } from '../../../src/adapters/office/payload';
import type { FakeBook } from './book';
import { ApiError, Engine, type FakeOf, size } from './engine';
import { makeNames } from './names-charts';
import { makeWorksheets } from './sheets';
import { makePivotTables, makeTables } from './tables';

function makeContext(book: FakeBook): Excel.RequestContext {
  const engine = new Engine(book);
  const workbook = engine.track('Workbook', {
    worksheets: makeWorksheets(engine),
    names: makeNames(engine),
    tables: makeTables(engine, undefined),
    pivotTables: makePivotTables(engine, undefined),
  } satisfies FakeOf<Excel.Workbook>);
  let app: Excel.Application;
  const appTarget = {
    load(_props: string) {
      engine.load(appTarget, () => ({ calculationMode: book.calculationMode }));
      return app;
    },
    get calculationMode() { return engine.loaded(appTarget, 'calculationMode'); },
    set calculationMode(v: string) {
      engine.op(size(v), () => {
        book.calculationModeChanges++;
        book.calculationMode = v;
      });
    },
    suspendScreenUpdatingUntilNextSync() { engine.op(0, () => void book.screenUpdatingSuspensions++); },
    suspendApiCalculationUntilNextSync() { engine.op(0, () => void book.calculationSuspensions++); },
    calculate(type: string) { engine.op(size(type), () => void book.recalculations.push(type)); },
  } satisfies FakeOf<Excel.Application>;
  app = engine.track('Application', appTarget) as unknown as Excel.Application;
  let runtime: Excel.Runtime;
  const runtimeTarget = {
    load(_props: string) {
      engine.load(runtimeTarget, () => ({ enableEvents: book.enableEvents }));
      return runtime;
    },
    get enableEvents() { return engine.loaded(runtimeTarget, 'enableEvents'); },
    set enableEvents(v: boolean) { engine.op(size(v), () => void (book.enableEvents = v)); },
  } satisfies FakeOf<Excel.Runtime>;
  runtime = engine.track('Runtime', runtimeTarget) as unknown as Excel.Runtime;
  const context = {
    workbook,
    application: app,
    runtime,
    sync: () => engine.sync(),
  } satisfies FakeOf<Excel.RequestContext>;
  return engine.track('RequestContext', context) as unknown as Excel.RequestContext;
}

/** An ExcelRun over the fake workbook: each run gets a fresh request context. */
export function fakeExcelRun(book: FakeBook): ExcelRun {
  return async <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    book.apiUsed.add('Excel.run');
    if (book.cellEditMode) {
      if (options.delayForCellEdit !== true) throw new ApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      // Excel waits until the user leaves the cell; the fake lets the user finish at once.
      book.delayedRuns++;
      book.cellEditMode = false;
    }
    return batch(makeContext(book));
  };
}
