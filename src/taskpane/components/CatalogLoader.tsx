import { MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId } from 'react';
import { formatInt as fmt } from '../../core/format';
import { useStrings } from '../../i18n';
import type { CatalogLoaded } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { FilePicker } from './FilePicker';
import { FindingsList } from './FindingsList';
import { StatTable } from './StatTable';
import { useTask } from './use-task';

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
    <section className={s.stack} aria-labelledby={headingId}>
      <Subtitle2 as={headingLevel === 3 ? 'h3' : 'h2'} id={headingId}>
        {t.catalog.heading}
      </Subtitle2>
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
      {state.kind === 'failed' && <ErrorMessage message={state.message} />}
      {state.kind === 'done' && <CatalogStats loaded={state.value} mode={mode} findingsLevel={headingLevel === 3 ? 4 : 3} />}
    </section>
  );
}

function CatalogStats({ loaded, mode, findingsLevel }: { loaded: CatalogLoaded; mode: 'excel' | 'file'; findingsLevel: 3 | 4 }): React.JSX.Element {
  const t = useStrings();
  const { stats } = loaded;
  return (
    <>
      <div role="status">
        <MessageBar intent="success">
          <MessageBarBody>{loaded.storedIn !== undefined ? t.catalog.storedIn(loaded.storedIn) : t.catalog.forNext}</MessageBarBody>
        </MessageBar>
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
