/// <reference lib="webworker" />
import { handleWorkerRequest } from './worker-handler';
import type { WorkerRequest } from './worker-protocol';

/*
 * File mode's Web Worker: reads and evaluates a workbook, or reads a catalogue, off the page's
 * thread, so a hostile file never freezes the page (SPEC §7). The page starts a fresh worker
 * for each file and ends it afterwards, which frees all its memory.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void handleWorkerRequest(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
