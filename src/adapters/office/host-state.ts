/**
 * What the product changes in Excel while it writes, and how it gives it back.
 *
 * Calculation: `Application.calculationMode` is application-wide (every open workbook) and
 * user-visible; a task pane closed mid-write would leave Excel in manual calculation, and some
 * builds misreport or ignore it (OfficeDev/office-js#2770, #6922). So the product never sets it:
 * it queues `suspendApiCalculationUntilNextSync()` (ExcelApi 1.6) before every sync that writes,
 * as the performance guide recommends, and recalculates what became dirty once at the end
 * ("it is the developer's responsibility to re-calc the workbook") — unless the user works in
 * manual calculation.
 *
 * Screen updating: `suspendScreenUpdatingUntilNextSync()` (ExcelApi 1.9) lasts one sync, and
 * "Don't call suspendScreenUpdatingUntilNextSync repeatedly (such as in a loop). Repeated calls
 * will cause the Excel window to flicker" (learn.microsoft.com, Excel JavaScript API performance
 * optimization). The writer calls it for a fixed number of syncs, never once per chunk.
 *
 * Events: `runtime.enableEvents` (ExcelApi 1.8) is switched off and always restored.
 */
export interface HostState {
  readonly calculationMode: Excel.CalculationMode | `${Excel.CalculationMode}`;
  readonly enableEvents: boolean;
}

/** Queues the loads of the host state; read it with `hostStateOf` after the next sync. */
export function loadHostState(context: Excel.RequestContext): void {
  context.application.load('calculationMode');
  context.runtime.load('enableEvents');
}

export function hostStateOf(context: Excel.RequestContext): HostState {
  return { calculationMode: context.application.calculationMode, enableEvents: context.runtime.enableEvents };
}

/** Queues: events off, calculation and screen updating suspended until the next sync. */
export function suspendHostState(context: Excel.RequestContext, state: HostState): void {
  if (state.enableEvents) context.runtime.enableEvents = false;
  suspendCalculation(context);
  context.application.suspendScreenUpdatingUntilNextSync();
}

/** Queues the calculation suspension for the next sync (call before every sync that writes). */
export function suspendCalculation(context: Excel.RequestContext): void {
  context.application.suspendApiCalculationUntilNextSync();
}

/** Queues: events back on, and one recalculation of what the writes made dirty (not in manual mode). */
export function restoreHostState(context: Excel.RequestContext, state: HostState): void {
  if (state.enableEvents) context.runtime.enableEvents = true;
  if (state.calculationMode !== 'Manual') context.application.calculate('Recalculate');
}
