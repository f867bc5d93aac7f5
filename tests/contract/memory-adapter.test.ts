import { MemoryWorkbookAdapter } from '../support/memory-adapter';
import { describeWorkbookAdapter } from './describe-workbook-adapter';

describeWorkbookAdapter('memory', async (initial) => {
  const adapter = new MemoryWorkbookAdapter(initial);
  return { port: adapter, reread: () => adapter.readWorkbook() };
});
