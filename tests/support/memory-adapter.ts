import type { Cell, DefinedName, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output-model';
import { renderOutputGrid } from '../../src/core/outputs/render-grid';
import type { WorkbookPort, WriteReport, WrittenSheet } from '../../src/port/workbook-port';
import { planOutputSheets } from '../../src/port/sheet-plan';

function copySheet(sheet: SheetGrid): SheetGrid {
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    rows: sheet.rows.map((r) => (r === undefined ? undefined : r.slice())),
    merges: sheet.merges.map((m) => ({ ...m })),
  };
}

function copyWorkbook(grid: WorkbookGrid): WorkbookGrid {
  return { sheets: grid.sheets.map(copySheet), definedNames: grid.definedNames.map((d) => ({ ...d })) };
}

/**
 * A workbook held in memory as a grid: the reference adapter for tests and for the core's
 * behaviour. Writing renders each output sheet's tables and texts into cells (charts have
 * no cells) and marks the sheet with its defined name.
 */
export class MemoryWorkbookAdapter implements WorkbookPort {
  private grid: WorkbookGrid;

  constructor(initial: WorkbookGrid) {
    this.grid = copyWorkbook(initial);
  }

  /** The workbook as it is now (a copy). */
  snapshot(): WorkbookGrid {
    return copyWorkbook(this.grid);
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    return this.snapshot();
  }

  async writeOutputs(outputs: readonly OutputSheet[]): Promise<WriteReport> {
    const plan = planOutputSheets(
      outputs.map((o) => o.role),
      { sheetNames: this.grid.sheets.map((s) => s.name), definedNames: this.grid.definedNames },
    );
    const sheets = this.grid.sheets.slice();
    const written: WrittenSheet[] = [];
    outputs.forEach((output, i) => {
      const planned = plan.sheets[i];
      if (planned === undefined) return;
      const rows: Cell[][] = renderOutputGrid(output);
      const index = sheets.findIndex((s) => s.name === planned.sheet);
      const old = sheets[index];
      // A rewritten sheet keeps its name, position and visibility; its old content is gone.
      const sheet: SheetGrid = { name: planned.sheet, visibility: old?.visibility ?? 'visible', rows, merges: [] };
      if (planned.rewrite && old !== undefined) sheets[index] = sheet;
      else sheets.push(sheet);
      written.push(
        planned.displacedBy === undefined
          ? { role: planned.role, sheet: planned.sheet, rewritten: planned.rewrite }
          : { role: planned.role, sheet: planned.sheet, rewritten: planned.rewrite, displacedBy: planned.displacedBy },
      );
    });
    const replaced = new Set(plan.definedNames.map((d) => d.name.toLowerCase()));
    const definedNames: DefinedName[] = [...this.grid.definedNames.filter((d) => !replaced.has(d.name.toLowerCase())), ...plan.definedNames];
    this.grid = { sheets, definedNames };
    return { sheets: written };
  }
}
