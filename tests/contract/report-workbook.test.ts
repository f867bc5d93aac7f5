import type { WorkbookGrid } from '../../src/core/grid';
import { gridToXlsx } from '../support/grid-xlsx';
import { ReportWorkbookAdapter } from '../support/report-workbook-adapter';
import { describeWorkbookAdapter } from './describe-workbook-adapter';

const USER_PATH = 'xlsx report workbook (readXlsx + writeReportWorkbook, as the CLI and file mode run it)';

describeWorkbookAdapter(
  USER_PATH,
  async (initial) => {
    const input = await gridToXlsx(initial);
    const original = input.slice();
    const adapter = new ReportWorkbookAdapter(input, { sourceFileName: 'Digitalisierung 2024.xlsx', evaluatedAt: '2025-03-05' });
    const rereadInput = async (): Promise<WorkbookGrid> => {
      // the input's bytes themselves are never written
      expect(input).toEqual(original);
      return adapter.readWorkbook();
    };
    return { port: adapter, reread: () => adapter.readReport(), rereadInput };
  },
  'report workbook',
);
