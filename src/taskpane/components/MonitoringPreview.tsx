import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Analysis } from '../../core/model';
import { useStrings } from '../../i18n';
import { previewTable } from '../monitoring-table';

/** The year table as the report shows it (SPEC §1), read-only. */
export function MonitoringPreview({ analysis }: { analysis: Analysis }): React.JSX.Element {
  const t = useStrings();
  const table = previewTable(analysis);
  return (
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
                {v.toLocaleString('de-DE')}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
