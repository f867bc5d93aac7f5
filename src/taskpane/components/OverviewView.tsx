import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useEffect } from 'react';
import { sheetLabel } from '../../core/sources';
import { useStrings } from '../../i18n';
import type { Inspection } from '../types';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';
import { formatInt } from '../../core/format';

/** Übersicht: the office sheets found and the sheets skipped, with reasons. */
export function OverviewView({ inspect }: { inspect: () => Promise<Inspection> }): React.JSX.Element {
  const t = useStrings();
  const [state, run] = useTask(inspect);
  useEffect(() => void run(), [run]);
  return (
    <ViewSection headingId="overview-heading" heading={t.overview.heading}>
      {state.kind === 'pending' && <Spinner size="tiny" label={t.loading} />}
      <TaskOutcome state={state} />
      {state.kind === 'done' && <OverviewTables inspection={state.value} />}
      <Button onClick={() => void run()} disabled={state.kind === 'pending'}>
        {t.overview.refresh}
      </Button>
    </ViewSection>
  );
}

/** Long sheet names wrap inside their cell instead of running into the next column. */
const WRAP: React.CSSProperties = { overflowWrap: 'anywhere', paddingTop: 4, paddingBottom: 4 };
/** The sheet's layout, below its name: the name gets the width to stay whole in a 350 px pane. */
const DETAIL: React.CSSProperties = { display: 'block', overflowWrap: 'normal' };

export function OverviewTables({ inspection }: { inspection: Inspection }): React.JSX.Element {
  const t = useStrings();
  const { analysis } = inspection;
  return (
    <>
      <Text as="p" block>{t.overview.reportYear(analysis.reportYear)}</Text>
      {analysis.officeSheets.length === 0 ? (
        <Text as="p" block>{t.overview.none}</Text>
      ) : (
        <Table size="small" aria-label={t.overview.heading}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '60%' }}>{t.overview.sheetAndLayout}</TableHeaderCell>
              <TableHeaderCell style={{ width: '16%' }}>{t.overview.rows}</TableHeaderCell>
              <TableHeaderCell style={{ width: '24%' }}>{t.overview.years}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {analysis.officeSheets.map((s) => (
              <TableRow key={sheetLabel(s.file, s.sheet)}>
                <TableCell style={WRAP}>
                  <span>
                    {sheetLabel(s.file, s.sheet)}
                    <Text size={200} style={DETAIL}>
                      {t.overview.layouts[s.layout] ?? s.layout}
                    </Text>
                  </span>
                </TableCell>
                <TableCell>{formatInt(s.serviceRows)}</TableCell>
                <TableCell>{s.years.join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {analysis.skippedSheets.length > 0 && (
        <Table size="small" aria-label={t.overview.skippedHeading} style={{ marginTop: 16 }}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '38%' }}>{t.overview.skippedHeading}</TableHeaderCell>
              <TableHeaderCell style={{ width: '62%' }}>{t.overview.reason}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {analysis.skippedSheets.map((s) => (
              <TableRow key={sheetLabel(s.file, s.sheet)}>
                <TableCell style={WRAP}>{sheetLabel(s.file, s.sheet)}</TableCell>
                <TableCell style={WRAP}>{s.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
