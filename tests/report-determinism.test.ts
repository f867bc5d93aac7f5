import { strFromU8, unzipSync } from 'fflate';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { buildOutputSheets } from '../src/core/outputs';
import { publishedAnalysis } from './contract/fixtures';

/* Issue 9: same input, same day → the same report bytes (SPEC §5: "running twice … the same output"). */
const SHEETS = buildOutputSheets(publishedAnalysis(), { evaluatedAt: '2025-03-05' });

/** Writes the report with the clock at `iso` (only Date is faked; timers and ticks stay real). */
async function writeAt(iso: string, evaluatedAt?: string): Promise<Uint8Array> {
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
    now: new Date(iso),
  });
  try {
    return await writeReportWorkbook(SHEETS, { sourceFileName: 'Digitalisierung.xlsx', ...(evaluatedAt ? { evaluatedAt } : {}) });
  } finally {
    jest.useRealTimers();
  }
}

describe('report workbook determinism', () => {
  it('is byte-identical when written in the morning and in the afternoon of one day', async () => {
    const morning = await writeAt('2025-03-05T07:12:01Z', '2025-03-05');
    const afternoon = await writeAt('2025-03-05T16:47:33Z', '2025-03-05');
    expect(Buffer.from(afternoon).equals(Buffer.from(morning))).toBe(true);
  });

  it('stamps docProps/core.xml with the evaluation date only, no time of day', async () => {
    const bytes = await writeAt('2025-03-05T16:47:33Z', '2025-03-05');
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-05T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-05T00:00:00Z</dcterms:modified>');
    expect(core).not.toContain('16:47');
  });
});
