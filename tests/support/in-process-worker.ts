import { handleWorkerRequest } from '../../src/taskpane/pipeline/worker-handler';
import type { WorkerLike, WorkerReply, WorkerRequest } from '../../src/taskpane/pipeline/worker-protocol';

/*
 * File mode's worker with its code running in this process, behind the same message protocol
 * (structured clones, transferred buffers); the real Worker runs in the browser tests.
 */

/** A worker whose code runs here; `behaviour` replaces it to model a crash (also one after the result, while the records are packed or the report is written) or a hang. */
export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: 'run' | 'crash' | 'hang' | 'crash-packing' | 'crash-writing' = 'run') {}

  postMessage(message: WorkerRequest, transfer: Transferable[]): void {
    const request = structuredClone(message, { transfer });
    if (this.behaviour === 'crash') {
      setTimeout(() => this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 5);
      return;
    }
    if (this.behaviour === 'hang') return;
    void handleWorkerRequest(request, (reply, moved) => {
      const data = structuredClone(reply, { transfer: moved ?? [] });
      const crashesHere = (this.behaviour === 'crash-packing' && data.kind === 'records') || (this.behaviour === 'crash-writing' && data.kind === 'report');
      if (crashesHere) setTimeout(() => this.terminated || this.onerror?.({ preventDefault: () => undefined } as ErrorEvent), 0);
      else setTimeout(() => this.terminated || this.onmessage?.({ data } as MessageEvent<WorkerReply>), 0);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}
