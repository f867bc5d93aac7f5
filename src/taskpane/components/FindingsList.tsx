import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SEVERITY_ORDER, type Finding } from '../../core/findings';
import { sheetLabel } from '../../core/sources';
import { useStrings } from '../../i18n';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

/** Findings grouped by severity; with `goToCell` each gets a Zur Zelle button (inside Excel). */
export function FindingsList({
  findings,
  goToCell,
  limit = 500,
  headingLevel = 3,
}: {
  findings: readonly Finding[];
  goToCell?: (sheet: string, cell: string) => void;
  limit?: number;
  /** Level of the severity headings, one below the heading the list sits under. */
  headingLevel?: 3 | 4;
}): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  if (findings.length === 0) return <Text>{t.findings.none}</Text>;
  return (
    <>
      {SEVERITY_ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const id = `findings-${headingLevel}-${severity}`;
        return (
          <ViewSection key={severity} headingId={id} heading={`${t.findings.severity[severity]} (${group.length})`} level={headingLevel}>
            <ul className={s.list}>
              {group.slice(0, limit).map((f, i) => (
                <li key={i} className={s.item}>
                  <div className={s.head}>
                    <Caption1>
                      {sheetLabel(f.file, f.sheet)}!{f.cell} · {f.code}
                    </Caption1>
                    {goToCell && f.file === undefined && (
                      <Button size="small" aria-label={`${t.findings.goTo} ${f.sheet}!${f.cell}`} onClick={() => goToCell(f.sheet, f.cell)}>
                        {t.findings.goTo}
                      </Button>
                    )}
                  </div>
                  <Text>{f.message}</Text>
                  {f.suggestion && <Caption1>{t.findings.suggestion(f.suggestion)}</Caption1>}
                </li>
              ))}
            </ul>
          </ViewSection>
        );
      })}
    </>
  );
}
