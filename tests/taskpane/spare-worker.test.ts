import { spareWorker } from '../../src/taskpane/pipeline/spare-worker';
import type { WorkerLike } from '../../src/taskpane/pipeline/worker-protocol';

class FakeWorker implements WorkerLike {
  terminated = false;
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  /** The worker's code failed to load, as the browser reports it. */
  failToLoad(): void {
    this.onerror?.(Object.assign(new Event('error'), { message: 'load failed' }) as ErrorEvent);
  }
}

function factory(): { create: () => FakeWorker; created: FakeWorker[] } {
  const created: FakeWorker[] = [];
  return {
    created,
    create: () => {
      const w = new FakeWorker();
      created.push(w);
      return w;
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('file mode starts its evaluation worker ahead', () => {
  it('hands out the worker started at file mode start, and starts the next one after it', async () => {
    const { create, created } = factory();
    const workers = spareWorker(create);
    workers.warm();
    expect(created).toHaveLength(1);
    const first = workers.take();
    expect(first).toBe(created[0]);
    expect(first.onerror).toBeNull();
    await tick();
    expect(created).toHaveLength(2);
    expect(workers.take()).toBe(created[1]);
  });

  it('never hands out a worker whose code failed to load: the evaluation gets a fresh one', async () => {
    const { create, created } = factory();
    const workers = spareWorker(create);
    workers.warm();
    created[0]!.failToLoad();
    const taken = workers.take();
    expect(taken).not.toBe(created[0]);
    expect(created[0]!.terminated).toBe(true);
    expect(created).toHaveLength(2);
  });

  it('gives every evaluation its own worker, also without a spare', () => {
    const { create, created } = factory();
    const workers = spareWorker(create);
    const a = workers.take();
    const b = workers.take();
    expect(a).not.toBe(b);
    expect(created).toEqual([a, b]);
  });

  it('leaves a failure to create a worker to the evaluation, which reports it', () => {
    let fail = true;
    const workers = spareWorker(() => {
      if (fail) throw new Error('Worker nicht erlaubt');
      return new FakeWorker();
    });
    workers.warm();
    expect(() => workers.take()).toThrow('Worker nicht erlaubt');
    fail = false;
    expect(workers.take()).toBeInstanceOf(FakeWorker);
  });
});
