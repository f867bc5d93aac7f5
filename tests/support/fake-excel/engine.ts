/**
 * The request/sync engine of the fake Excel. Operations are queued on proxies and applied on
 * context.sync(), like Office.js: properties can be read only after a sync that loaded them,
 * and a failed sync delivers no loads. What Excel refuses at the level of a whole request:
 * - over 5 MB: RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded ("This error
 *   only occurs in Excel on the web"; learn.microsoft.com, Error handling with the
 *   application-specific JavaScript APIs); a rejected request applies nothing;
 * - older Excel on the web reported oversized requests as GeneralException
 *   (`FakeBook.generalExceptionAbove` models that);
 * - a property read before it was loaded: PropertyNotLoaded.
 */
import type { FakeBook, Rect, FakeTable } from './book';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** An Office.js error as the add-in sees it (`OfficeExtension.Error`: code and message). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

class PayloadError extends ApiError {
  constructor(what: 'request' | 'response', readonly bytes: number) {
    super(what === 'request' ? 'RequestPayloadSizeLimitExceeded' : 'ResponsePayloadSizeLimitExceeded', `The ${what} payload size has exceeded the limit.`);
  }
}

interface Op {
  request: number;
  /** Applies the operation; returns the response bytes and what to hand to the proxies once the sync succeeds. */
  apply(): { response: number; deliver?: () => void };
}

/** What the fake knows about a proxy beyond the Office.js surface (its cells, its table). */
export interface Internals {
  rect?: () => Rect | null;
  table?: () => FakeTable;
}

/** Every proxy type the add-in may use: members Excel does not have are compile errors. */
export type FakeOf<T> = { [K in keyof T]?: unknown };

export const size = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length);
export const OP = 40;

export class Engine {
  private queue: Op[] = [];
  private readonly loadedData = new WeakMap<object, Record<string, unknown>>();
  private readonly internals = new WeakMap<object, Internals>();
  /** Tracked proxy → the object behind it (loaded properties are kept per object). */
  private readonly targets = new WeakMap<object, object>();

  constructor(readonly book: FakeBook) {}

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.book.syncs++;
    if (this.book.failAtSync !== undefined && --this.book.failAtSync === 0) {
      this.book.failAtSync = undefined;
      throw new ApiError('GeneralException', 'simulated failure');
    }
    const request = ops.reduce((n, o) => n + o.request, 0);
    this.book.maxRequestBytes = Math.max(this.book.maxRequestBytes, request);
    if (this.book.generalExceptionAbove !== undefined && request > this.book.generalExceptionAbove) {
      this.book.rejected++;
      throw new ApiError('GeneralException', 'There was an internal error while processing the request.');
    }
    if (request > PAYLOAD_LIMIT) {
      this.book.rejected++;
      throw new PayloadError('request', request);
    }
    let response = 0;
    const deliveries: (() => void)[] = [];
    // Excel applies a batch in order and stops at the first failing operation; what ran stays.
    for (const op of ops) {
      const r = op.apply();
      response += r.response;
      if (r.deliver) deliveries.push(r.deliver);
    }
    this.book.maxResponseBytes = Math.max(this.book.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT) {
      this.book.rejected++;
      throw new PayloadError('response', response);
    }
    deliveries.forEach((d) => d());
  }

  /** Queues a change; `apply` runs at the next sync. */
  op(request: number, apply: () => void): void {
    this.queue.push({ request: request + OP, apply: () => (apply(), { response: 0 }) });
  }

  /** Queues a load: `read` runs at sync, its result becomes the proxy's loaded properties. */
  load(proxy: object, read: () => Record<string, unknown>): void {
    const target = this.targets.get(proxy) ?? proxy;
    this.queue.push({
      request: OP,
      apply: () => {
        const data = read();
        // Items of a loaded collection are proxies: their loaded properties are what travels.
        const bytes = JSON.stringify(data, (_k, v: unknown) => (typeof v === 'object' && v !== null && this.targets.has(v) ? (this.loadedData.get(this.targets.get(v)!) ?? {}) : v)).length;
        return { response: bytes, deliver: () => this.loadedData.set(target, { ...(this.loadedData.get(target) ?? {}), ...data }) };
      },
    });
  }

  /** Properties known without a load (items of a loaded collection come with theirs). */
  preload(proxy: object, data: Record<string, unknown>): void {
    const target = this.targets.get(proxy) ?? proxy;
    this.loadedData.set(target, { ...(this.loadedData.get(target) ?? {}), ...data });
  }

  loaded(target: object, prop: string): any {
    const data = this.loadedData.get(target);
    if (!data || !(prop in data)) throw new ApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return data[prop];
  }

  internalsOf(proxy: unknown): Internals {
    return (typeof proxy === 'object' || typeof proxy === 'function') && proxy !== null ? (this.internals.get(proxy) ?? {}) : {};
  }

  rectOf(proxy: unknown, what: string): Rect {
    const rect = this.internalsOf(proxy).rect?.();
    if (!rect) throw new ApiError('InvalidArgument', `${what}: a Range object of this workbook is expected`);
    return rect;
  }

  /**
   * Wraps a proxy so every member the add-in touches is recorded as `Kind.member` (a read or a
   * call) or `Kind.member=` (a set), and so a member the test marked as refused fails at sync
   * with Excel's error (a forced failure for the Selbsttest).
   */
  track<T extends object>(kind: string, target: T, internals: Internals = {}): T {
    const book = this.book;
    const engine = this;
    const proxy = new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop !== 'string' || !(prop in t)) return Reflect.get(t, prop, receiver);
        const member = `${kind}.${prop}`;
        book.apiUsed.add(member);
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const refusal = book.refusals.get(member);
          if (refusal) engine.op(0, () => { throw new ApiError(refusal.code, refusal.message); });
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
      set(t, prop, value, receiver) {
        if (typeof prop === 'string') {
          if (!(prop in t)) throw new TypeError(`${kind}.${prop} is not part of the fake (and maybe not of Excel)`);
          const member = `${kind}.${prop}=`;
          book.apiUsed.add(member);
          const refusal = book.refusals.get(member);
          if (refusal) engine.op(0, () => { throw new ApiError(refusal.code, refusal.message); });
        }
        return Reflect.set(t, prop, value, receiver);
      },
    });
    this.internals.set(proxy, internals);
    this.internals.set(target, internals);
    this.targets.set(proxy, target);
    return proxy;
  }
}
