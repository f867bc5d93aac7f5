import { Table, Text, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { useMemo } from 'react';
import { chartSvg, yearChart } from '../../core/baustein';
import type { Analysis } from '../../core/model';
import { formatInt } from '../../core/format';
import { useStrings } from '../../i18n';
import { yearTable } from '../../core/outputs/year-table';

/**
 * The pane draws the chart narrower than the Baustein's picture (605 × 340): scaled into a 350 px
 * pane, its 10 px labels stay near 8 px instead of shrinking to 5 px, and the category labels
 * still do not run into each other.
 */
const PANE_CHART = { width: 420, height: 300 } as const;

const useStyles = makeStyles({
  // the chart keeps its light background in the dark theme too: it is the picture the report shows
  chart: { width: '100%', maxWidth: `${PANE_CHART.width}px`, height: 'auto', display: 'block' },
});

/** The chart of the latest two years as the Baustein shows it: the core's SVG as an image with its alternative text. */
function MonitoringChart({ analysis }: { analysis: Analysis }): React.JSX.Element | null {
  const s = useStyles();
  const src = useMemo(() => {
    if (analysis.years.length === 0) return undefined;
    const chart = yearChart(analysis, analysis.years.slice(-2));
    return { url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart, PANE_CHART))}`, alt: chart.altText };
  }, [analysis]);
  if (!src) return null;
  return <img className={s.chart} src={src.url} alt={src.alt} width={PANE_CHART.width} height={PANE_CHART.height} />;
}

/** The year table as the report shows it (SPEC §1), read-only, and its chart. */
export function MonitoringPreview({ analysis }: { analysis: Analysis }): React.JSX.Element {
  const t = useStrings();
  if (analysis.years.length === 0) return <Text as="p" block>{t.evaluate.noYears}</Text>;
  const table = yearTable(analysis);
  return (
    <>
      <Table size="small" aria-label={t.evaluate.preview}>
        <TableHeader>
          <TableRow>
            {table.header.map((h, i) => (
              <TableHeaderCell key={h}>
                <strong style={i > 0 ? { width: '100%', textAlign: 'right' } : undefined}>{h}</strong>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((r) => (
            <TableRow key={r.label} style={r.total ? { fontWeight: 600 } : undefined}>
              <TableCell>{r.label}</TableCell>
              {r.values.map((v, i) => (
                <TableCell key={i} style={{ textAlign: 'right' }}>
                  {formatInt(v)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <MonitoringChart analysis={analysis} />
    </>
  );
}
