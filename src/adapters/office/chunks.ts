import { CHUNK_BYTES, GENERAL_EXCEPTION_RETRY_BYTES, isGeneralException, isPayloadTooLarge } from './payload';

/** Rows of one range to read or write, split into chunks by estimated payload. */
export interface ChunkSource {
  readonly rows: number;
  /** How many rows from `start` fit into `maxBytes` (may be 0). */
  rowsWithin(start: number, maxBytes: number): number;
  /** Estimated payload of rows [start, start + count). */
  bytes(start: number, count: number): number;
  /** Queues the operations for those rows; the returned function runs once the sync succeeded. */
  queue(start: number, count: number): () => void;
}

interface Piece {
  readonly source: ChunkSource;
  readonly start: number;
  readonly count: number;
}

/**
 * Sends the rows of all sources in as few syncs as the payload limit allows: pieces of several
 * sources share one sync while they fit into the budget (~4 MB). A sync rejected with
 * RequestPayloadSizeLimitExceeded is sent again with half the budget; a single row that is
 * still too large is an error. A large batch that meets a GeneralException (how older Excel on
 * the web reports an oversized request) is sent again once, with half the budget. `beforeSync` runs before every sync (e.g. to suspend screen updating).
 */
export async function syncInChunks(
  context: Excel.RequestContext,
  sources: readonly ChunkSource[],
  beforeSync: () => void = () => undefined,
): Promise<void> {
  const queue: Piece[] = sources.filter((s) => s.rows > 0).map((source) => ({ source, start: 0, count: source.rows }));
  let budget = CHUNK_BYTES;
  // After a GeneralException the rest goes with half the budget, so it is not met again.
  let ceiling = CHUNK_BYTES;
  let generalRetried = false;
  while (queue.length > 0) {
    const batch: Piece[] = [];
    let bytes = 0;
    while (queue.length > 0) {
      const piece = queue[0]!;
      const whole = piece.source.bytes(piece.start, piece.count);
      if (bytes + whole <= budget) {
        batch.push(piece);
        bytes += whole;
        queue.shift();
        continue;
      }
      const fit = Math.min(piece.count - 1, piece.source.rowsWithin(piece.start, budget - bytes));
      if (fit > 0 || batch.length === 0) {
        const take = Math.max(1, fit);
        batch.push({ ...piece, count: take });
        bytes += piece.source.bytes(piece.start, take);
        queue[0] = { ...piece, start: piece.start + take, count: piece.count - take };
      }
      break;
    }
    const done = batch.map((p) => p.source.queue(p.start, p.count));
    beforeSync();
    try {
      await context.sync();
    } catch (error) {
      const single = batch.length === 1 && batch[0]!.count === 1;
      const general = !generalRetried && !single && bytes >= GENERAL_EXCEPTION_RETRY_BYTES && isGeneralException(error);
      if (!general && (!isPayloadTooLarge(error) || single)) throw error;
      if (general) {
        generalRetried = true;
        ceiling = Math.floor(Math.min(budget, bytes) / 2);
      }
      // Nothing of a rejected request was applied: queue the same rows again, in smaller syncs.
      queue.unshift(...batch);
      budget = Math.max(1, Math.floor(Math.min(budget, bytes) / 2));
      continue;
    }
    done.forEach((after) => after());
    budget = ceiling;
  }
}

