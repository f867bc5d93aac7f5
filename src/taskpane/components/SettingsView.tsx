import { Button, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CLUSTERS, EXCLUDED, type ClusterOrExcluded } from '../../core/clusters';
import { useStrings } from '../../i18n';
import type { Inspection, MappingRow } from '../types';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr auto', columnGap: tokens.spacingHorizontalS, alignItems: 'end' },
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column' },
});

export interface SettingsViewProps {
  inspection: Inspection;
  saveSettings: (settings: { reportYear?: number; sheets: readonly string[] }) => Promise<void>;
  saveMapping: (rows: readonly MappingRow[]) => Promise<void>;
}

/** Einstellungen: report year, sheets to include, the Zuordnung mapping; stored in the workbook. */
export function SettingsView({ inspection, saveSettings, saveMapping }: SettingsViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [year, setYear] = useState(inspection.settings.reportYear?.toString() ?? '');
  const [sheets, setSheets] = useState<readonly string[]>(inspection.settings.sheets ?? []);
  const [rows, setRows] = useState<MappingRow[]>([...inspection.mapping]);
  const [saved, save] = useTask(saveSettings);
  const [mappingSaved, saveRows] = useTask(saveMapping);
  const yearValid = year.trim() === '' || /^20\d\d$/.test(year.trim());
  const candidates = inspection.analysis.officeSheets.map((o) => o.sheet);
  const options: readonly ClusterOrExcluded[] = [...CLUSTERS, EXCLUDED];

  return (
    <ViewSection headingId="settings-heading" heading={t.settings.heading} stack="stretch">
      <Text as="p" block>{t.settings.hint}</Text>
      <Field label={t.settings.reportYear} hint={t.settings.reportYearHint} {...(yearValid ? {} : { validationMessage: t.settings.invalidYear })}>
        <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <fieldset className={s.fieldset}>
        <legend>{t.settings.sheets}</legend>
        <Text size={200}>{t.settings.sheetsHint}</Text>
        {candidates.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={sheets.includes(name)}
            onChange={(_, d) => setSheets(d.checked ? [...sheets, name] : sheets.filter((x) => x !== name))}
          />
        ))}
      </fieldset>
      <Button
        appearance="primary"
        disabled={!yearValid || saved.kind === 'pending'}
        onClick={() => void save(year.trim() === '' ? { sheets } : { reportYear: Number(year), sheets })}
      >
        {t.settings.save}
      </Button>
      <TaskOutcome state={saved} done={() => t.settings.saved} />

      <Subtitle2 as="h3">{t.settings.mapping}</Subtitle2>
      {rows.map((row, i) => (
        <div key={i} className={s.row}>
          <Field label={`${t.settings.value} ${i + 1}`}>
            <Input value={row.value} onChange={(_, d) => setRows(rows.map((r, j) => (j === i ? { ...r, value: d.value } : r)))} />
          </Field>
          <Field label={`${t.settings.cluster} ${i + 1}`}>
            <Select value={row.cluster} onChange={(_, d) => setRows(rows.map((r, j) => (j === i ? { ...r, cluster: d.value as ClusterOrExcluded } : r)))}>
              {options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
          <Button aria-label={t.settings.removeRow(row.value)} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <Button onClick={() => setRows([...rows, { value: '', cluster: 'Digital' }])}>{t.settings.addRow}</Button>
      <Button appearance="primary" disabled={mappingSaved.kind === 'pending'} onClick={() => void saveRows(rows.filter((r) => r.value.trim() !== ''))}>
        {t.settings.saveMapping}
      </Button>
      <TaskOutcome state={mappingSaved} done={() => t.settings.mappingSaved} />
    </ViewSection>
  );
}
