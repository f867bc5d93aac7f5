import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { sheetNameProblem } from '../../core/sheet-name';
import { useStrings } from '../../i18n';
import type { ExcelServices } from '../types';
import { isYearText } from '../year-text';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'stretch' } });

export interface TemplatesViewProps {
  reportYear: number;
  /** The workbook's sheet names: a new sheet's name is checked against them before Excel sees it. */
  sheetNames: readonly string[];
  newOfficeSheet: ExcelServices['newOfficeSheet'];
  newReportYear: ExcelServices['newReportYear'];
}

/** Vorlagen: a new office sheet from the template; a new report year after a confirmation. */
export function TemplatesView({ reportYear, sheetNames, newOfficeSheet, newReportYear }: TemplatesViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [name, setName] = useState('');
  const [year, setYear] = useState(String(reportYear));
  const [nextYear, setNextYear] = useState(String(reportYear + 1));
  const [confirming, setConfirming] = useState(false);
  const [created, create] = useTask(newOfficeSheet);
  const [rolled, roll] = useTask(newReportYear);
  // Names made here are taken, too, until the workbook is read again.
  const taken = created.kind === 'done' ? [...sheetNames, created.value] : sheetNames;
  const problem = name === '' ? undefined : sheetNameProblem(name.trim(), taken);

  return (
    <div className={s.stack}>
      <ViewSection headingId="template-heading" heading={t.templates.newSheet} stack="stretch">
        <Field label={t.templates.newSheetName} required {...(problem ? { validationMessage: t.templates.nameProblems[problem](name.trim()) } : {})}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label={t.templates.newSheetYear} {...(isYearText(year) ? {} : { validationMessage: t.settings.invalidYear })}>
          <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Button appearance="primary" disabled={name.trim() === '' || problem !== undefined || !isYearText(year) || created.kind === 'pending'} onClick={() => void create(name.trim(), Number(year))}>
          {t.templates.create}
        </Button>
        <TaskOutcome state={created} title={t.templates.newSheet} done={(sheet) => t.templates.created(sheet)} />
      </ViewSection>

      <ViewSection headingId="year-heading" heading={t.templates.newYear} stack="stretch">
        <Text as="p" block>{t.templates.newYearHint}</Text>
        <Field label={t.templates.newYearLabel} {...(isYearText(nextYear) ? {} : { validationMessage: t.settings.invalidYear })}>
          <Input inputMode="numeric" value={nextYear} onChange={(_, d) => setNextYear(d.value)} />
        </Field>
        <Button disabled={!isYearText(nextYear) || rolled.kind === 'pending'} onClick={() => setConfirming(true)}>
          {t.templates.newYear}
        </Button>
        <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t.templates.confirmTitle(Number(nextYear))}</DialogTitle>
              <DialogContent>{t.templates.confirmText}</DialogContent>
              <DialogActions>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    void roll(Number(nextYear));
                  }}
                >
                  {t.templates.confirm}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t.templates.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        <TaskOutcome
          state={rolled}
          title={t.templates.newYear}
          intent={(r) => (r.failed ? 'error' : 'success')}
          done={(r) => (
            <>
              {t.templates.done(r.changed)}
              {r.done.length > 0 && <div>{t.templates.doneSheets(r.done.join(', '))}</div>}
              {r.failed && <div>{t.templates.failed(r.failed.sheet, r.failed.message)}</div>}
              {r.notDone.length > 0 && <div>{t.templates.notDone(r.notDone.join(', '))}</div>}
              {r.skipped.map((k, i) => (
                <div key={i}>{t.templates.skipped(k.sheet, k.reason)}</div>
              ))}
            </>
          )}
        />
      </ViewSection>
    </div>
  );
}
