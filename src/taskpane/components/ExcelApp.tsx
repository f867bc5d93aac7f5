import { Divider, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useStrings } from '../../i18n';
import type { Evaluation, ExcelServices, Inspection } from '../types';
import { CatalogLoader } from './CatalogLoader';
import { ComparisonView } from './ComparisonView';
import { EvaluateView } from './EvaluateView';
import { FindingsView } from './FindingsView';
import { OverviewView } from './OverviewView';
import { SelfTestView } from './SelfTestView';
import { SettingsView } from './SettingsView';
import { TaskOutcome } from './TaskOutcome';
import { TemplatesView } from './TemplatesView';
import { useTask } from './use-task';

const useStyles = makeStyles({
  panel: { paddingTop: tokens.spacingVerticalM },
  // Six tabs do not fit a 350 px task pane in one row: they wrap instead of running off the pane.
  tabs: { flexWrap: 'wrap' },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

type TabId = 'overview' | 'result' | 'findings' | 'comparison' | 'settings' | 'templates';
const TABS: readonly TabId[] = ['overview', 'result', 'findings', 'comparison', 'settings', 'templates'];

/** The task pane inside Excel: one tab per view; all workbook access through `services`. */
export function ExcelApp({ services }: { services: ExcelServices }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [tab, setTab] = useState<TabId>('overview');
  const [evaluation, setEvaluation] = useState<Evaluation>();
  const [inspection, setInspection] = useState<Inspection>();
  const inspect = useCallback(async () => {
    const result = await services.inspect();
    setInspection(result);
    return result;
  }, [services]);
  const [settingsState, loadSettings] = useTask(inspect);
  useEffect(() => {
    if ((tab === 'settings' || tab === 'templates') && inspection === undefined) void loadSettings();
  }, [tab, inspection, loadSettings]);

  return (
    <>
      <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small" aria-label={t.appTitle}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {t.tabs[id]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={s.panel}>
        {tab === 'overview' && <OverviewView inspect={inspect} />}
        {tab === 'result' && <EvaluateView evaluate={services.evaluate} copyTable={services.copyTable} onEvaluated={setEvaluation} pivotSupported={services.features.pivotTable} />}
        {tab === 'findings' && <FindingsView findings={evaluation?.analysis.findings} goToCell={services.goToCell} />}
        {tab === 'comparison' && (
          <div className={s.stack}>
            {evaluation === undefined ? (
              <Text as="p" block>{t.comparison.notYet}</Text>
            ) : (
              <ComparisonView evaluation={evaluation} copyText={services.copyText} baustein={services.baustein} />
            )}
            <Divider />
            <CatalogLoader loadCatalog={services.loadCatalog} mode="excel" />
          </div>
        )}
        {(tab === 'settings' || tab === 'templates') && inspection === undefined && settingsState.kind !== 'failed' && <Spinner size="tiny" label={t.loading} />}
        {(tab === 'settings' || tab === 'templates') && <TaskOutcome state={settingsState} />}
        {tab === 'settings' && inspection && <SettingsView inspection={inspection} saveSettings={services.saveSettings} saveMapping={services.saveMapping} />}
        {tab === 'settings' && (
          <>
            <Divider />
            <SelfTestView selfTest={services.selfTest} copyText={services.copyText} />
          </>
        )}
        {tab === 'templates' && inspection && (
          <TemplatesView reportYear={inspection.analysis.reportYear} sheetNames={inspection.sheetNames} newOfficeSheet={services.newOfficeSheet} newReportYear={services.newReportYear} />
        )}
      </div>
    </>
  );
}
