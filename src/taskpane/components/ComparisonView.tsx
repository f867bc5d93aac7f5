import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { clusterHeader, type CountedCluster, UNASSIGNED } from '../../core/clusters';
import { COUNTED_CLUSTERS } from '../../core/compare/counted-clusters';
import { comparisonText } from '../../core/baustein/build';
import type { Refinement, YearComparison } from '../../core/compare/types';
import { formatInt as fmt } from '../../core/format';
import type { BausteinServices, EvaluatedWorkbook } from '../types';
import { BausteinActions } from './BausteinActions';
import { useStrings } from '../../i18n';
import { StatTable } from './StatTable';
import { TaskOutcome, copyIntent } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start', alignSelf: 'stretch', minWidth: 0 },
  scroll: { alignSelf: 'stretch', overflowX: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: 'left', verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  text: { textAlign: 'left', verticalAlign: 'top' },
  top: { verticalAlign: 'top' },
  same: { fontWeight: tokens.fontWeightSemibold },
  sentences: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/** Refinement rows shown in the pane; the Vergleich sheet lists them all. */
const MAX_REFINEMENTS = 15;

export interface ComparisonViewProps {
  evaluation: EvaluatedWorkbook;
  copyText: (text: string) => Promise<boolean>;
  /** „Baustein für die Mitteilungsvorlage“ (SPEC §9): shown where given. */
  baustein?: BausteinServices | undefined;
}

/**
 * Vergleich (issue 4), the latest pair of years: common/added/removed, the transition matrix,
 * the refinement list and the German sentences with Text kopieren. Numbers carry everything;
 * the matrix' shading only repeats them.
 */
export function ComparisonView({ evaluation, copyText, baustein }: ComparisonViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [copy, startCopy] = useTask(copyText);
  const { comparisons, catalog, analysis } = evaluation;
  const c = comparisons[comparisons.length - 1];
  if (!c) return <Text as="p" block>{t.comparison.none}</Text>;
  const sentences = comparisonText(analysis, c, catalog?.import.catalog).paragraphs.flat();
  return (
    <ViewSection headingId="comparison-heading" heading={t.comparison.heading(c.from, c.to)} className={s.stack}>
      {catalog && <Text as="p" block>{t.comparison.catalogUsed(catalog.import.catalog.source, fmt(catalog.import.catalog.entries.size))}</Text>}
      <StatTable
        label={t.comparison.counts(c.from, c.to)}
        rows={[
          [t.comparison.common, fmt(c.common)],
          [t.comparison.added(c.to), fmt(c.added)],
          [t.comparison.removed(c.to), fmt(c.removed)],
        ]}
      />

      <Subtitle2 as="h3">{t.comparison.matrix(c.from, c.to)}</Subtitle2>
      <Text size={200} id="matrix-hint">
        {t.comparison.matrixHint(c.from, c.to)}
      </Text>
      <TransitionTable comparison={c} />

      <Subtitle2 as="h3">{t.comparison.refinement}</Subtitle2>
      {c.refinement.length === 0 ? <Text as="p" block>{t.comparison.refinementNone}</Text> : <RefinementTable comparison={c} />}

      <Subtitle2 as="h3" id="comparison-text">
        {t.comparison.text}
      </Subtitle2>
      <ul className={s.sentences} aria-labelledby="comparison-text">
        {sentences.map((line, i) => (
          <li key={i}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
      <Button onClick={() => void startCopy(sentences.join('\n'))} disabled={copy.kind === 'pending'}>
        {t.comparison.copy}
      </Button>
      <TaskOutcome state={copy} intent={copyIntent} done={(copied) => (copied ? t.comparison.copied : t.comparison.copyDenied)} />
      {baustein && <BausteinActions evaluation={evaluation} services={baustein} />}
    </ViewSection>
  );
}

/** Rows: cluster in the earlier year (row headers); columns: cluster in the later year. */
function TransitionTable({ comparison: c }: { comparison: YearComparison }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const shown = COUNTED_CLUSTERS.filter((k) => k !== UNASSIGNED || COUNTED_CLUSTERS.some((o) => c.transitions[k][o] + c.transitions[o][k] > 0));
  const max = Math.max(1, ...shown.flatMap((a) => shown.map((b) => c.transitions[a][b])));
  // Shading repeats the number (never the only carrier); alpha stays low enough for text contrast.
  const shade = (n: number): React.CSSProperties => (n === 0 ? {} : { backgroundColor: `rgba(91, 155, 213, ${(0.1 + 0.45 * (n / max)).toFixed(2)})` });
  return (
    // Scrolls sideways in a narrow pane: focusable, so keyboard users can scroll it too (WCAG 2.1.1).
    <div className={s.scroll} tabIndex={0} role="region" aria-label={t.comparison.matrix(c.from, c.to)}>
      <table className={s.table} aria-label={t.comparison.matrix(c.from, c.to)} aria-describedby="matrix-hint">
        <thead>
          <tr>
            <th scope="col" className={s.th}>
              {t.comparison.matrixCorner(c.from, c.to)}
            </th>
            {shown.map((b) => (
              // short header so the matrix fits 350 px; the full cluster name is the accessible name
              <th key={b} scope="col" className={s.th} aria-label={b} title={b}>
                {clusterHeader(b)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((a: CountedCluster) => (
            <tr key={a}>
              <th scope="row" className={s.th}>
                {a}
              </th>
              {shown.map((b) => (
                <td key={b} className={a === b ? `${s.td} ${s.same}` : s.td} style={shade(c.transitions[a][b])}>
                  {fmt(c.transitions[a][b])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One line per cluster involved: `PDF 7 → 102`. */
function clusterLines(r: Refinement): string[] {
  return COUNTED_CLUSTERS.filter((k) => r.clusters[k] !== undefined).map((k) => `${k} ${fmt(r.clusters[k]!.from)} → ${fmt(r.clusters[k]!.to)}`);
}

function RefinementTable({ comparison: c }: { comparison: YearComparison }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const listed = c.refinement.slice(0, MAX_REFINEMENTS);
  return (
    <>
      <Text size={200} id="refinement-hint">
        {t.comparison.refinementHint}
      </Text>
      <div className={s.scroll} tabIndex={0} role="region" aria-label={t.comparison.refinement}>
        <table className={s.table} aria-label={t.comparison.refinement} aria-describedby="refinement-hint">
          <thead>
            <tr>
              <th scope="col" className={s.th}>
                {t.comparison.leistungsobjekt}
              </th>
              <th scope="col" className={s.th}>
                {t.comparison.name}
              </th>
              <th scope="col" className={s.th}>
                {t.comparison.fromTo(c.from, c.to)}
              </th>
              <th scope="col" className={s.th}>
                {t.comparison.clusters}
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((r) => (
              <tr key={r.leistungsobjekt}>
                <td className={`${s.td} ${s.text} ${s.nowrap}`}>{r.leistungsobjekt}</td>
                <th scope="row" className={`${s.th} ${s.text}`}>
                  {r.name}
                </th>
                <td className={`${s.td} ${s.top} ${s.nowrap}`}>{t.comparison.fromTo(fmt(r.from), fmt(r.to))}</td>
                <td className={`${s.td} ${s.text}`}>
                  {clusterLines(r).map((line) => (
                    <div key={line} className={s.nowrap}>
                      {line}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.refinement.length > listed.length && <Text size={200}>{t.comparison.more(fmt(c.refinement.length - listed.length))}</Text>}
    </>
  );
}
