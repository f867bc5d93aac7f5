import { Button, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { COUNTED_CLUSTERS, type CountedCluster, UNASSIGNED } from '../../core/clusters';
import { transitionClusters } from '../../core/compare';
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
  line: { display: 'block', whiteSpace: 'nowrap' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  // The pane's full width, split by fixed column widths: long names wrap instead of widening the table.
  refinementTable: { width: '100%', tableLayout: 'fixed' },
  changeColumn: { width: '8.5em' },
  name: { overflowWrap: 'anywhere' },
  detail: { display: 'block', color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  abbr: { textDecorationLine: 'none' },
  // Read by screen readers, not shown (the short label is shown instead).
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  th: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: 'left', verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  text: { textAlign: 'left', verticalAlign: 'top' },
  top: { verticalAlign: 'top' },
  same: { fontWeight: tokens.fontWeightSemibold },
  sentences: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

/**
 * Cluster names short enough for the transition matrix to fit a 350 px pane; shown in place of the
 * full name, which screen readers read instead (and a mouse pointer shows as a tooltip).
 */
const SHORT_CLUSTER: Readonly<Record<CountedCluster, string>> = {
  Analog: 'Analog',
  'Kein Optimierungspotenzial': 'Kein Opt.',
  PDF: 'PDF',
  Digital: 'Digital',
  'Projekt in Umsetzung': 'Projekt',
  [UNASSIGNED]: 'Nicht zug.',
};

/** A cluster's short name on screen, its full name for screen readers. */
function ClusterName({ cluster }: { cluster: CountedCluster }): React.JSX.Element {
  const s = useStyles();
  const short = SHORT_CLUSTER[cluster];
  if (short === cluster) return <>{cluster}</>;
  return (
    <>
      <abbr title={cluster} aria-hidden="true" className={s.abbr}>
        {short}
      </abbr>
      <span className={s.hidden}>{cluster}</span>
    </>
  );
}

/** The abbreviations among `clusters`, as „Kein Opt. = Kein Optimierungspotenzial“. */
function abbreviations(clusters: readonly CountedCluster[]): string[] {
  return clusters.filter((k) => SHORT_CLUSTER[k] !== k).map((k) => `${SHORT_CLUSTER[k]} = ${k}`);
}

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
  const shown = transitionClusters(c.transitions);
  const max = Math.max(1, ...shown.flatMap((a) => shown.map((b) => c.transitions[a][b])));
  // Shading repeats the number (never the only carrier); alpha stays low enough for text contrast.
  const shade = (n: number): React.CSSProperties => (n === 0 ? {} : { backgroundColor: `rgba(91, 155, 213, ${(0.1 + 0.45 * (n / max)).toFixed(2)})` });
  const legend = abbreviations(shown);
  return (
    <>
      {/* Fits 350 px with the short names; in a narrower pane (zoom) it scrolls: focusable, so keyboard users can scroll it too (WCAG 2.1.1). */}
      <div className={s.scroll} tabIndex={0} role="region" aria-label={t.comparison.matrix(c.from, c.to)}>
        <table className={s.table} aria-label={t.comparison.matrix(c.from, c.to)} aria-describedby="matrix-hint">
          <thead>
            <tr>
              <th scope="col" className={s.th}>
                {/* one line each: `2023 ↓` (rows), `2024 →` (columns) */}
                {t.comparison.matrixCornerShort(c.from, c.to).map((line) => (
                  <span key={line} aria-hidden="true" className={s.line}>
                    {line}
                  </span>
                ))}
                <span className={s.hidden}>{t.comparison.matrixCorner(c.from, c.to)}</span>
              </th>
              {shown.map((b) => (
                <th key={b} scope="col" className={s.th}>
                  <ClusterName cluster={b} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((a: CountedCluster) => (
              <tr key={a}>
                <th scope="row" className={s.th}>
                  <ClusterName cluster={a} />
                </th>
                {shown.map((b) => (
                  <td key={b} className={a === b ? mergeClasses(s.td, s.same) : s.td} style={shade(c.transitions[a][b])}>
                    {fmt(c.transitions[a][b])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {legend.length > 0 && (
        // for sighted readers; screen readers hear the full names in the headers already
        <Text size={200} aria-hidden="true">
          {t.comparison.abbreviations(legend.join('; '))}
        </Text>
      )}
    </>
  );
}

/** Per cluster involved: `PDF 7 → 102` (short cluster name on screen). */
function ClusterLines({ refinement: r }: { refinement: Refinement }): React.JSX.Element {
  const s = useStyles();
  return (
    <>
      {COUNTED_CLUSTERS.filter((k) => r.clusters[k] !== undefined).map((k) => (
        <span key={k} className={s.detail}>
          <ClusterName cluster={k} /> {fmt(r.clusters[k]!.from)} → {fmt(r.clusters[k]!.to)}
        </span>
      ))}
    </>
  );
}

/**
 * Two columns so it fits 350 px: the Leistungsobjekt (name, its number below) and the change
 * (total, the clusters involved below).
 */
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
        <table className={mergeClasses(s.table, s.refinementTable)} aria-label={t.comparison.refinement} aria-describedby="refinement-hint">
          <thead>
            <tr>
              <th scope="col" className={s.th}>
                {t.comparison.leistungsobjekt}
              </th>
              <th scope="col" className={mergeClasses(s.th, s.changeColumn)}>
                {t.comparison.fromTo(c.from, c.to)}
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((r) => (
              <tr key={r.leistungsobjekt}>
                <th scope="row" className={mergeClasses(s.th, s.text, s.name)}>
                  {r.name}
                  <span className={s.detail}>{r.leistungsobjekt}</span>
                </th>
                <td className={mergeClasses(s.td, s.top)}>
                  <span className={s.nowrap}>{t.comparison.fromTo(fmt(r.from), fmt(r.to))}</span>
                  <ClusterLines refinement={r} />
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
