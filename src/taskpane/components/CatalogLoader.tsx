import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import { formatInt as fmt } from '../../core/format';
import { useStrings } from '../../i18n';
import type { CatalogLoaded } from '../types';
import { FilePicker } from './FilePicker';
import { FindingsList } from './FindingsList';
import { OutcomeBar } from './OutcomeBar';
import { StatTable } from './StatTable';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});

export interface CatalogLoaderProps {
  loadCatalog: (file: File) => Promise<CatalogLoaded>;
  /** 'excel': stored in the workbook; 'file': kept for the next Auswerten. */
  mode: 'excel' | 'file';
  onLoaded?: (catalog: CatalogLoaded) => void;
  /** Level of the section heading „LeiKa-Katalog“ (3 inside file mode's section). */
  headingLevel?: 2 | 3;
}


/** „LeiKa-Katalog laden“: a file input for a LeiKa export, then what was taken over and what not. */
export function CatalogLoader({ loadCatalog, mode, onLoaded, headingLevel = 2 }: CatalogLoaderProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const headingId = useId();
  const hintId = useId();
  const load = useCallback(
    async (file: File) => {
      const loaded = await loadCatalog(file);
      onLoaded?.(loaded);
      return loaded;
    },
    [loadCatalog, onLoaded],
  );
  const [state, start] = useTask(load);
  return (
    <ViewSection headingId={headingId} heading={t.catalog.heading} level={headingLevel} className={s.stack}>
      <Text id={hintId} size={200}>
        {mode === 'excel' ? t.catalog.hintExcel : t.catalog.hintFile}
      </Text>
      <FilePicker
        label={t.catalog.load}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        describedBy={hintId}
        disabled={state.kind === 'pending'}
        onFiles={(list) => {
          const file = list[0];
          if (file) void start(file);
        }}
      />
      {state.kind === 'pending' && <Spinner size="tiny" label={t.catalog.reading} />}
      <TaskOutcome state={state} />
      {state.kind === 'done' && <CatalogStats loaded={state.value} mode={mode} findingsLevel={headingLevel === 3 ? 4 : 3} />}
    </ViewSection>
  );
}

function CatalogStats({ loaded, mode, findingsLevel }: { loaded: CatalogLoaded; mode: 'excel' | 'file'; findingsLevel: 3 | 4 }): React.JSX.Element {
  const t = useStrings();
  const { stats } = loaded;
  return (
    <>
      <div role="status">
        <OutcomeBar intent="success">{loaded.storedIn !== undefined ? t.catalog.storedIn(loaded.storedIn) : t.catalog.forNext}</OutcomeBar>
      </div>
      <StatTable
        label={t.catalog.stats(loaded.fileName)}
        rows={[
          [t.catalog.rows, fmt(stats.rows)],
          [t.catalog.entries, fmt(stats.entries)],
          [t.catalog.withoutKey, fmt(stats.withoutKey)],
          [t.catalog.unusable, fmt(stats.invalidKey + stats.duplicateKey)],
        ]}
      />
      {loaded.findings.length > 0 && (
        <section aria-label={t.catalog.findings}>
          <FindingsList findings={loaded.findings} limit={mode === 'file' ? 20 : 50} headingLevel={findingsLevel} />
        </section>
      )}
    </>
  );
}
