import { CatalogFormatError as FromCatalog } from '../src/core/catalog';
import { ComparisonInputError as FromCompare, compareYears } from '../src/core/compare';
import { CatalogFormatError, ComparisonInputError, OutputOptionsError } from '../src/core/errors';
import { buildOutputSheets, OutputOptionsError as FromOutputs } from '../src/core/outputs';
import { planOutputSheets, SheetPlanError as FromPlan } from '../src/port/sheet-plan';
import { SheetPlanError } from '../src/port/workbook-port';
import { publishedAnalysis } from './contract/fixtures';

describe('named errors: one home per layer, the same class wherever imported', () => {
  it('throws the class of core/errors.ts, named as before, through every old import path', () => {
    expect([FromCatalog, FromCompare, FromOutputs, FromPlan]).toEqual([CatalogFormatError, ComparisonInputError, OutputOptionsError, SheetPlanError]);
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const compare = thrown(() => compareYears([], { years: [2024, 2023] }));
    expect(compare).toBeInstanceOf(ComparisonInputError);
    expect((compare as Error).name).toBe('ComparisonInputError');
    const output = thrown(() => buildOutputSheets(publishedAnalysis(), { evaluatedAt: 'gestern' }));
    expect(output).toBeInstanceOf(OutputOptionsError);
    expect((output as Error).name).toBe('OutputOptionsError');
    const plan = thrown(() => planOutputSheets(['Monitoring', 'Monitoring'], { sheetNames: [], definedNames: [] }));
    expect(plan).toBeInstanceOf(SheetPlanError);
    expect((plan as Error).name).toBe('SheetPlanError');
  });
});
