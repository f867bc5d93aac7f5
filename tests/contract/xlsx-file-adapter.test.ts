import { gridToXlsx } from '../support/grid-xlsx';
import { XlsxFileAdapter } from '../support/xlsx-file-adapter';
import { describeWorkbookAdapter } from './describe-workbook-adapter';

describeWorkbookAdapter('xlsx file written in place (tests only)', async (initial) => {
  const adapter = XlsxFileAdapter.open(await gridToXlsx(initial));
  return { port: adapter, reread: () => adapter.readWorkbook() };
});
