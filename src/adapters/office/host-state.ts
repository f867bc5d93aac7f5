/** Calculation mode and events as they were before the product started writing. */
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

/**
 * Queues: calculation manual, events off, screen updating suspended until the next sync.
 * The caller must queue `restoreHostState` in a `finally`, also when writing failed.
 */
export function suspendHostState(context: Excel.RequestContext, state: HostState): void {
  if (state.calculationMode !== 'Manual') context.application.calculationMode = 'Manual';
  if (state.enableEvents) context.runtime.enableEvents = false;
  context.application.suspendScreenUpdatingUntilNextSync();
}

export function restoreHostState(context: Excel.RequestContext, state: HostState): void {
  if (state.calculationMode !== 'Manual') context.application.calculationMode = state.calculationMode;
  if (state.enableEvents) context.runtime.enableEvents = true;
}
