import fc from 'fast-check';
import { CLUSTERS } from '../../src/core/clusters';
import type { CountedRecord } from '../../src/core/model';
import { type PackedRecords, RecordsNotArrivedError, packRecords, unpackRecords, withPackedRecords } from '../../src/taskpane/pipeline/packed-records';

/*
 * File mode's records cross from the worker packed (one text table, typed arrays): whatever the
 * cells held — empty, NUL, surrogate pairs, the same text in several fields — they come back as
 * they were, in order.
 */
const text = fc.oneof(fc.constantFrom('', ' ', '\u0000', 'Jugendamt', '😀 Ü', 'a\u0000b'), fc.string({ unit: 'binary' }));
const record: fc.Arbitrary<CountedRecord> = fc.record({
  year: fc.integer({ min: 1900, max: 2100 }),
  office: text,
  sheet: text,
  row: fc.integer({ min: 0, max: 1_048_575 }),
  key: text,
  keyValid: fc.boolean(),
  keyCell: text,
  name: text,
  status: text,
  cluster: fc.constantFrom(...CLUSTERS, 'Nicht zugeordnet' as const),
  remark: text,
  onlineService: text,
  cell: text,
});

describe('records packed for the way from the worker to the page', () => {
  it('come back unchanged and in order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const packed = structuredClone(packRecords(records));
        expect(unpackRecords(packed)).toEqual(records);
      }),
    );
  });

  it('are unpacked only when the analysis is asked for them, and once', async () => {
    const records: CountedRecord[] = [
      { year: 2024, office: 'Bauamt', sheet: 'Bauamt', row: 3, key: '99001001000000', keyValid: true, keyCell: 'A4', name: 'Bauantrag', status: 'Digital', cluster: 'Digital', remark: '', onlineService: '', cell: 'C4' },
    ];
    const { analysis, arrival } = withPackedRecords({ years: [2024] } as never, Promise.resolve(packRecords(records)));
    await arrival;
    expect(analysis.years).toEqual([2024]);
    const first = analysis.records;
    expect(first).toEqual(records);
    expect(analysis.records).toBe(first);
  });

  it('follow the result: read before they arrived, they are refused, never empty', async () => {
    let deliver!: (packed: PackedRecords) => void;
    const { analysis, arrival } = withPackedRecords({ years: [2024] } as never, new Promise<PackedRecords>((resolve) => (deliver = resolve)));
    expect(analysis.years).toEqual([2024]);
    expect(() => analysis.records).toThrow(RecordsNotArrivedError);
    const record: CountedRecord = { year: 2024, office: 'Bauamt', sheet: 'Bauamt', row: 3, key: '99001001000000', keyValid: true, keyCell: 'A4', name: 'Bauantrag', status: 'Digital', cluster: 'Digital', remark: '', onlineService: '', cell: 'C4' };
    deliver(packRecords([record]));
    await arrival;
    expect(analysis.records).toEqual([record]);
  });

  it('that never come make the arrival fail', async () => {
    const { analysis, arrival } = withPackedRecords({ years: [2024] } as never, Promise.reject(new Error('Worker beendet')));
    await expect(arrival).rejects.toThrow('Worker beendet');
    expect(() => analysis.records).toThrow(RecordsNotArrivedError);
  });
});
