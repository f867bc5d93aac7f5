import type { CountedCluster } from '../../core/clusters';
import type { Analysis, CountedRecord } from '../../core/model';
import { columnsOfRecords, type RecordColumns } from '../../core/record-table';

/*
 * The counted records cross from file mode's worker to the page packed: a structured clone of
 * 190,000 record objects costs seconds twice (once in the worker, once on the page's thread),
 * one string and two typed arrays (moved, not copied) next to nothing. They follow the result
 * in a message of their own, so packing them does not hold the result back; the page unpacks
 * them only when something reads `analysis.records` (the Vergleich tab and the Baustein).
 */

/** Records as flat data: every distinct text once in `texts` (lengths in `lengths`), each record a row of `fields`. */
export interface PackedRecords {
  readonly count: number;
  readonly texts: string;
  readonly lengths: Int32Array;
  /** Per record: year, row, keyValid (0/1), then the index in the text table of each text field. */
  readonly fields: Int32Array;
}

const WIDTH = 13;

export function packRecords(given: readonly CountedRecord[] | RecordColumns): PackedRecords {
  // the worker packs the evaluation's columns; the record objects are never built there
  const records = columnsOfRecords(given);
  const texts: string[] = [''];
  // few distinct values: looked up; the rest (keys, names, cells, remarks) mostly differ from row
  // to row and are only compared with the record before (a row's years follow each other)
  const index = new Map<string, number>([['', 0]]);
  const lookedUp = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = texts.length;
      index.set(s, i);
      texts.push(s);
    }
    return i;
  };
  const fields = new Int32Array(records.length * WIDTH);
  let at = 0;
  /** A text of record i, field `field`: the same as the record before's takes its index. */
  const own = (field: number, s: string, previous: string | undefined): number => {
    if (s === '') return 0;
    if (s === previous) return fields[at - WIDTH + field]!;
    texts.push(s);
    return texts.length - 1;
  };
  for (let i = 0; i < records.length; i++) {
    const b = i - 1;
    fields[at] = records.year(i);
    fields[at + 1] = records.row(i);
    fields[at + 2] = records.keyValid(i) ? 1 : 0;
    fields[at + 3] = lookedUp(records.office(i));
    fields[at + 4] = lookedUp(records.sheet(i));
    fields[at + 5] = own(5, records.key(i), b >= 0 ? records.key(b) : undefined);
    fields[at + 6] = own(6, records.keyCell(i), b >= 0 ? records.keyCell(b) : undefined);
    fields[at + 7] = own(7, records.name(i), b >= 0 ? records.name(b) : undefined);
    fields[at + 8] = lookedUp(records.status(i));
    fields[at + 9] = lookedUp(records.cluster(i));
    fields[at + 10] = own(10, records.remark(i), b >= 0 ? records.remark(b) : undefined);
    fields[at + 11] = own(11, records.onlineService(i), b >= 0 ? records.onlineService(b) : undefined);
    fields[at + 12] = own(12, records.cell(i), b >= 0 ? records.cell(b) : undefined);
    at += WIDTH;
  }
  const lengths = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) lengths[i] = texts[i]!.length;
  return { count: records.length, texts: texts.join(''), lengths, fields };
}

export function unpackRecords(packed: PackedRecords): CountedRecord[] {
  const { texts: joined, lengths, fields } = packed;
  const texts: string[] = new Array<string>(lengths.length);
  let from = 0;
  for (let i = 0; i < lengths.length; i++) {
    texts[i] = joined.slice(from, from + lengths[i]!);
    from += lengths[i]!;
  }
  const records: CountedRecord[] = new Array<CountedRecord>(packed.count);
  for (let n = 0, at = 0; n < packed.count; n++, at += WIDTH) {
    records[n] = {
      year: fields[at]!,
      row: fields[at + 1]!,
      keyValid: fields[at + 2] === 1,
      office: texts[fields[at + 3]!]!,
      sheet: texts[fields[at + 4]!]!,
      key: texts[fields[at + 5]!]!,
      keyCell: texts[fields[at + 6]!]!,
      name: texts[fields[at + 7]!]!,
      status: texts[fields[at + 8]!]!,
      cluster: texts[fields[at + 9]!]! as CountedCluster,
      remark: texts[fields[at + 10]!]!,
      onlineService: texts[fields[at + 11]!]!,
      cell: texts[fields[at + 12]!]!,
    };
  }
  return records;
}

/** The analysis without its records, as it crosses to the page before them. */
export type AnalysisWithoutRecords = Omit<Analysis, 'records'>;

/** A view read `analysis.records` before they arrived from the worker: it must wait for the evaluation's `recordsArrival` first. */
export class RecordsNotArrivedError extends Error {
  override readonly name = 'RecordsNotArrivedError';
  constructor() {
    super('analysis.records read before the records arrived from the worker');
  }
}

/**
 * The analysis again, its records unpacked on first read once `packed` has arrived; `arrival`
 * settles then (or rejects as `packed` does). Until then reading `records` throws.
 */
export function withPackedRecords(analysis: AnalysisWithoutRecords, packed: Promise<PackedRecords>): { analysis: Analysis; arrival: Promise<void> } {
  let arrived: PackedRecords | undefined;
  let records: CountedRecord[] | undefined;
  const arrival = packed.then((p) => {
    arrived = p;
  });
  const read = (): CountedRecord[] => {
    if (records) return records;
    if (!arrived) throw new RecordsNotArrivedError();
    records = unpackRecords(arrived);
    arrived = undefined;
    return records;
  };
  return { analysis: Object.defineProperty({ ...analysis }, 'records', { get: read, enumerable: true }) as Analysis, arrival };
}
