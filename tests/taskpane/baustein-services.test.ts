/** @jest-environment jsdom */
import { compareYears } from '../../src/core/compare';
import type { CountedRecord } from '../../src/core/model';
import { bausteinServices } from '../../src/taskpane/baustein-services';
import { type PackedRecords, packRecords, withPackedRecords } from '../../src/taskpane/pipeline/packed-records';
import type { EvaluatedWorkbook } from '../../src/taskpane/types';
import { record } from '../contract/fixtures';
import { analysis } from './support';

// the Baustein's own code (docx, chart) is tested in tests/baustein*; here: what it is handed, and when
jest.mock('../../src/taskpane/baustein', () => ({
  bausteinDocx: jest.fn(async (e: EvaluatedWorkbook) => ({ blob: new Blob(['docx']), name: `${e.analysis.records.length} Einträge.docx` })),
  bausteinClipboard: jest.fn(async (e: EvaluatedWorkbook) => ({ html: '<p>Baustein</p>', text: `${e.analysis.records.length} Einträge` })),
}));
jest.mock('../../src/taskpane/download', () => ({ saveBlob: jest.fn() }));

const { bausteinDocx, bausteinClipboard } = jest.requireMock('../../src/taskpane/baustein') as Record<'bausteinDocx' | 'bausteinClipboard', jest.Mock>;
const { saveBlob } = jest.requireMock('../../src/taskpane/download') as { saveBlob: jest.Mock };

/** A file-mode evaluation whose two records are still on their way from the worker. */
function onTheWay(): { evaluation: EvaluatedWorkbook; deliver: () => void } {
  const recs: CountedRecord[] = [record({ year: 2023, office: 'Bauamt', cell: 'C4' }), record({ year: 2024, office: 'Bauamt', cell: 'D4' })];
  let deliver!: () => void;
  const packed = new Promise<PackedRecords>((resolve) => (deliver = () => resolve(packRecords(recs))));
  const { records: _, ...rest } = { ...analysis(), years: [2023, 2024] };
  const { analysis: a, arrival } = withPackedRecords(rest, packed);
  return { evaluation: { analysis: a, comparisons: compareYears(recs, { years: [2023, 2024] }), recordsArrival: arrival }, deliver };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('Baustein in file mode, before the records came from the worker', () => {
  beforeEach(() => jest.clearAllMocks());

  it('downloads the Word file built from all records once they came', async () => {
    const { evaluation, deliver } = onTheWay();
    const download = bausteinServices().download!(evaluation);
    await settle();
    expect(bausteinDocx).not.toHaveBeenCalled();
    deliver();
    await download;
    expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), '2 Einträge.docx');
  });

  it('copies the Baustein built from all records once they came', async () => {
    const { evaluation, deliver } = onTheWay();
    const copied = bausteinServices().copy(evaluation);
    await settle();
    expect(bausteinClipboard).not.toHaveBeenCalled();
    deliver();
    await copied;
    await expect(bausteinClipboard.mock.results[0]!.value).resolves.toEqual({ html: '<p>Baustein</p>', text: '2 Einträge' });
  });
});
