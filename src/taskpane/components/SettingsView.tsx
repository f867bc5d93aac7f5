import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ClusterOrExcluded } from '../../core/clusters';
import type { Settings } from '../../core/settings';
import { useStrings } from '../../i18n';
import type { ExcelServices, Inspection, MappingRow } from '../types';
import { TaskOutcome } from './TaskOutcome';
import { MAPPING_OPTIONS, useMappingRows, useReportSettings } from './use-settings-form';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr auto', columnGap: tokens.spacingHorizontalS, alignItems: 'end' },
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column' },
});

export interface SettingsViewProps {
  inspection: Inspection;
  saveSettings: ExcelServices['saveSettings'];
  saveMapping: ExcelServices['saveMapping'];
}

/** Einstellungen: report year, sheets to include, the Zuordnung mapping; stored in the workbook. */
export function SettingsView({ inspection, saveSettings, saveMapping }: SettingsViewProps): React.JSX.Element {
  const t = useStrings();
  return (
    <ViewSection headingId="settings-heading" heading={t.settings.heading} stack="stretch">
      <Text as="p" block>{t.settings.hint}</Text>
      <ReportSettingsForm initial={inspection.settings} candidates={inspection.analysis.officeSheets.map((o) => o.sheet)} saveSettings={saveSettings} />
      <MappingEditor initial={inspection.mapping} saveMapping={saveMapping} />
    </ViewSection>
  );
}

interface ReportSettingsFormProps {
  initial: Settings;
  /** The office sheets found, offered to include. */
  candidates: readonly string[];
  saveSettings: ExcelServices['saveSettings'];
}

function ReportSettingsForm({ initial, candidates, saveSettings }: ReportSettingsFormProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const form = useReportSettings(initial);
  const [saved, save] = useTask(saveSettings);
  return (
    <>
      <Field label={t.settings.reportYear} hint={t.settings.reportYearHint} {...(form.yearValid ? {} : { validationMessage: t.settings.invalidYear })}>
        <Input inputMode="numeric" value={form.year} onChange={(_, d) => form.setYear(d.value)} />
      </Field>
      <fieldset className={s.fieldset}>
        <legend>{t.settings.sheets}</legend>
        <Text size={200}>{t.settings.sheetsHint}</Text>
        {candidates.map((name) => (
          <Checkbox key={name} label={name} checked={form.sheets.includes(name)} onChange={(_, d) => form.setSheet(name, d.checked === true)} />
        ))}
      </fieldset>
      <Button appearance="primary" disabled={!form.yearValid || saved.kind === 'pending'} onClick={() => void save(form.toSave())}>
        {t.settings.save}
      </Button>
      <TaskOutcome state={saved} done={() => t.settings.saved} />
    </>
  );
}

function MappingEditor({ initial, saveMapping }: { initial: readonly MappingRow[]; saveMapping: ExcelServices['saveMapping'] }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const mapping = useMappingRows(initial);
  const [saved, save] = useTask(saveMapping);
  return (
    <>
      <Subtitle2 as="h3">{t.settings.mapping}</Subtitle2>
      {mapping.rows.map((row, i) => (
        <div key={i} className={s.row}>
          <Field label={`${t.settings.value} ${i + 1}`}>
            <Input value={row.value} onChange={(_, d) => mapping.change(i, { value: d.value })} />
          </Field>
          <Field label={`${t.settings.cluster} ${i + 1}`}>
            <Select value={row.cluster} onChange={(_, d) => mapping.change(i, { cluster: d.value as ClusterOrExcluded })}>
              {MAPPING_OPTIONS.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
          <Button aria-label={t.settings.removeRow(row.value)} onClick={() => mapping.remove(i)}>
            ✕
          </Button>
        </div>
      ))}
      <Button onClick={mapping.add}>{t.settings.addRow}</Button>
      <Button appearance="primary" disabled={saved.kind === 'pending'} onClick={() => void save(mapping.toSave())}>
        {t.settings.saveMapping}
      </Button>
      <TaskOutcome state={saved} done={() => t.settings.mappingSaved} />
    </>
  );
}
