import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Fluent's dark theme with a lighter text colour for disabled controls: its own grey (#5c5c5c) on the
 * disabled button fill (#141414) and the pane (#292929) reaches only 2.8:1 and 2.2:1, too faint to read
 * what „Ergebnis herunterladen“ or „Auswerten“ will do. #999999 gives at least 5:1 and still looks
 * clearly weaker than enabled text (#ffffff).
 */
export const darkTheme: Theme = { ...webDarkTheme, colorNeutralForegroundDisabled: '#999999' };

/**
 * Fluent's light theme with a darker text colour for disabled controls, for the same reason: its own
 * grey (#bdbdbd) reaches only 1.6:1 on the disabled button fill (#f0f0f0) and 1.8:1 on the pane
 * (#ffffff). #6b6b6b gives 4.7:1 and 5.3:1 and still looks clearly weaker than enabled text (#242424).
 */
export const lightTheme: Theme = { ...webLightTheme, colorNeutralForegroundDisabled: '#6b6b6b' };
