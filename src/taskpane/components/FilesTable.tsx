import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { SheetOrigin, SourcesUse } from '../../core/sources';
import { useStrings } from '../../i18n';

const WRAP: React.CSSProperties = { overflowWrap: 'anywhere', paddingTop: 4, paddingBottom: 4 };

/** The files of an evaluation of several (SPEC §10): each with its offices or why it was not read; where settings came from. */
export function FilesTable({ sources }: { sources: SourcesUse }): React.JSX.Element {
  const t = useStrings();
  const from = (origin: SheetOrigin | undefined): string | undefined =>
    origin && t.file.settingsFrom(origin.sheet, origin.file === undefined ? t.file.openWorkbook : `„${origin.file}“`);
  const settings = from(sources.settings);
  const mapping = from(sources.mapping);
  return (
    <>
      <Table size="small" aria-label={t.file.files}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '45%' }}>{t.file.fileColumn}</TableHeaderCell>
            <TableHeaderCell style={{ width: '55%' }}>{t.file.officesColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sources.files.map((f, i) => (
            <TableRow key={`${i}-${f.file ?? ''}`}>
              <TableCell style={WRAP}>{f.file ?? t.file.openWorkbookName}</TableCell>
              <TableCell style={WRAP}>{f.skipped !== undefined ? t.file.notRead(f.skipped) : f.offices.length > 0 ? f.offices.join(', ') : t.file.noOffice}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {settings && <Text as="p" block>{`${t.file.shared.settings}: ${settings}`}</Text>}
      {mapping && <Text as="p" block>{`${t.file.shared.mapping}: ${mapping}`}</Text>}
    </>
  );
}
