import { planOutputSheets, SheetPlanError } from '../src/port/sheet-plan';

const ROLES = ['Monitoring', 'Pruefhinweise', 'Gesamtliste'] as const;

describe('planOutputSheets', () => {
  it('uses the preferred names in an empty workbook and marks each sheet at A1', () => {
    const plan = planOutputSheets(ROLES, { sheetNames: ['Gesundheitsamt'], definedNames: [] });
    expect(plan.sheets).toEqual([
      { role: 'Monitoring', sheet: 'Monitoring', rewrite: false },
      { role: 'Pruefhinweise', sheet: 'Prüfhinweise', rewrite: false },
      { role: 'Gesamtliste', sheet: 'Gesamtliste', rewrite: false },
    ]);
    expect(plan.definedNames).toEqual([
      { name: 'LeiKaMonitor_Monitoring', sheet: 'Monitoring', cell: 'A1' },
      { name: 'LeiKaMonitor_Pruefhinweise', sheet: 'Prüfhinweise', cell: 'A1' },
      { name: 'LeiKaMonitor_Gesamtliste', sheet: 'Gesamtliste', cell: 'A1' },
    ]);
  });

  it('rewrites a marked sheet in place and adds no defined name for it', () => {
    const plan = planOutputSheets(['Monitoring'], {
      sheetNames: ['Amt 1', 'Monitoring'],
      definedNames: [{ name: 'LeiKaMonitor_Monitoring', sheet: 'Monitoring', cell: 'A1' }],
    });
    expect(plan.sheets).toEqual([{ role: 'Monitoring', sheet: 'Monitoring', rewrite: true }]);
    expect(plan.definedNames).toEqual([]);
  });

  it('follows a marked sheet the user renamed, and leaves a new sheet of the old name alone', () => {
    const plan = planOutputSheets(['Monitoring'], {
      sheetNames: ['Bericht 2024', 'Monitoring'],
      definedNames: [{ name: 'LeiKaMonitor_Monitoring', sheet: 'Bericht 2024', cell: 'A1' }],
    });
    expect(plan.sheets).toEqual([{ role: 'Monitoring', sheet: 'Bericht 2024', rewrite: true }]);
  });

  it('never touches an unmarked user sheet of the same name: writes to "(2)", then "(3)"', () => {
    expect(planOutputSheets(['Monitoring'], { sheetNames: ['Monitoring'], definedNames: [] }).sheets).toEqual([
      { role: 'Monitoring', sheet: 'Monitoring (2)', rewrite: false, displacedBy: 'Monitoring' },
    ]);
    const plan = planOutputSheets(['Gesamtliste'], { sheetNames: ['GESAMTLISTE', 'Gesamtliste (2)'], definedNames: [] });
    expect(plan.sheets).toEqual([{ role: 'Gesamtliste', sheet: 'Gesamtliste (3)', rewrite: false, displacedBy: 'GESAMTLISTE' }]);
    expect(plan.definedNames).toEqual([{ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Gesamtliste (3)', cell: 'A1' }]);
  });

  it('reuses "Monitoring (2)" on the next run once it is marked', () => {
    const plan = planOutputSheets(['Monitoring'], {
      sheetNames: ['Monitoring', 'Monitoring (2)'],
      definedNames: [{ name: 'LeiKaMonitor_Monitoring', sheet: 'Monitoring (2)', cell: 'A1' }],
    });
    expect(plan.sheets).toEqual([{ role: 'Monitoring', sheet: 'Monitoring (2)', rewrite: true }]);
  });

  it('treats a marker whose sheet was deleted as absent and replaces it', () => {
    const plan = planOutputSheets(['Pruefhinweise'], {
      sheetNames: ['Amt'],
      definedNames: [{ name: 'LeiKaMonitor_Pruefhinweise', sheet: 'Alt', cell: 'A1' }],
    });
    expect(plan.sheets).toEqual([{ role: 'Pruefhinweise', sheet: 'Prüfhinweise', rewrite: false }]);
    expect(plan.definedNames).toEqual([{ name: 'LeiKaMonitor_Pruefhinweise', sheet: 'Prüfhinweise', cell: 'A1' }]);
  });

  it('does not give a sheet marked for one role to another role', () => {
    const plan = planOutputSheets(ROLES, {
      sheetNames: ['Monitoring'],
      definedNames: [{ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Monitoring', cell: 'A1' }],
    });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['Monitoring (2)', 'Prüfhinweise', 'Monitoring']);
    expect(plan.sheets[0]).not.toHaveProperty('displacedBy');
  });

  it('throws for a role asked for twice', () => {
    expect(() => planOutputSheets(['Monitoring', 'Monitoring'], { sheetNames: [], definedNames: [] })).toThrow(SheetPlanError);
  });
});
