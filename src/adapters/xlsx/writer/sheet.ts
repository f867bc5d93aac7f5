/**
 * One output sheet through ExcelJS: view and page setup, column widths, then its blocks;
 * what ExcelJS cannot write is collected for the package (PackageAdditions).
 */
import { a1 } from '../../../core/grid';
import type { OutputSheet, OutTable } from '../../../core/output-model';
import { OUTPUT_STYLE } from '../../../core/outputs/style';
import { pointsToFileWidth, sheetColumnWidths } from '../../../core/outputs/widths';
import { argb, renderPlainTable, renderText } from './cells';
import { chartSpec, type ColumnChartSpec } from './chart';
import type { Workbook, Worksheet } from './exceljs';
import type { HyperlinkSpec, LinkMode } from './links';
import type { TableBodySpec } from './table-body';
import { isLowestBlock, renderExcelTable, tableNames } from './tables';

/** What ExcelJS cannot write, collected while rendering and added to the package afterwards. */
export interface PackageAdditions {
  readonly charts: ColumnChartSpec[];
  readonly links: HyperlinkSpec[];
  /** Excel table bodies written into the package instead of through ExcelJS's object model. */
  readonly bodies: TableBodySpec[];
}

/** Renders one output sheet into `ws`; charts, links and table bodies go to `add`. */
export function renderSheet(wb: Workbook, ws: Worksheet, output: OutputSheet, mode: LinkMode, add: PackageAdditions): void {
  ws.views = [{ showGridLines: OUTPUT_STYLE.showGridlines }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: output.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const tables = output.blocks.filter((b): b is OutTable => b.kind === 'table');
  const widths = sheetColumnWidths(output);
  for (const [c, pt] of widths) ws.getColumn(c + 1).width = pointsToFileWidth(pt);
  const taken = tableNames(wb);
  for (const block of output.blocks) {
    if (block.kind === 'text') renderText(ws, block);
    else if (block.kind === 'chart') add.charts.push(chartSpec(ws.name, block, tables));
    else if (block.excelTable === undefined) renderPlainTable(ws, block, mode, add, widths);
    else {
      let name = block.excelTable;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${block.excelTable}${n}`;
      taken.add(name.toLowerCase());
      renderExcelTable(ws, block, name, mode, add, isLowestBlock(output, block), widths);
    }
    if (block.kind === 'table' && block.heatMap === true && block.rows.length > 0) {
      const bodyRows = block.rows.length - (block.totalRow ? 1 : 0);
      if (bodyRows > 0 && block.header.length > 1) {
        ws.addConditionalFormatting({
          ref: `${a1(block.row + 1, block.col + 1)}:${a1(block.row + bodyRows, block.col + block.header.length - 1)}`,
          rules: [
            {
              type: 'colorScale',
              priority: 1,
              cfvo: [{ type: 'min' }, { type: 'max' }],
              color: [argb(OUTPUT_STYLE.heatMap.min), argb(OUTPUT_STYLE.heatMap.max)],
            },
          ],
        });
      }
    }
  }
}

