import { FluentProvider, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { StringsContext, type Strings } from '../../i18n';
import { darkTheme, lightTheme } from '../theme';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalM, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** Theme (light/dark, following Office or the browser), strings and the page landmark. */
export function Root({ dark, strings, children }: { dark: boolean; strings: Strings; children: ReactNode }): React.JSX.Element {
  const s = useStyles();
  return (
    <StringsContext.Provider value={strings}>
      <FluentProvider theme={dark ? darkTheme : lightTheme} className={s.root}>
        <header>
          <Title3 as="h1">{strings.appTitle}</Title3>
        </header>
        <main>{children}</main>
      </FluentProvider>
    </StringsContext.Provider>
  );
}
