/** @jest-environment jsdom */
import { Button } from '@fluentui/react-components';
import { screen } from '@testing-library/react';
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { darkTheme, lightTheme } from '../../src/taskpane/theme';
import { renderPane } from './support';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each<[string, Theme, Theme, boolean]>([
  ['dark', webDarkTheme, darkTheme, true],
  ['light', webLightTheme, lightTheme, false],
])('%s theme: disabled buttons stay readable', (_name, fluent, theme, dark) => {
  it('gives disabled text at least 4.5:1 on the disabled fill and on the pane (Fluent alone does not)', () => {
    expect(contrast(fluent.colorNeutralForegroundDisabled, fluent.colorNeutralBackgroundDisabled)).toBeLessThan(4.5);
    expect(contrast(theme.colorNeutralForegroundDisabled, theme.colorNeutralBackgroundDisabled)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(theme.colorNeutralForegroundDisabled, theme.colorNeutralBackground1)).toBeGreaterThanOrEqual(4.5);
    // still visibly weaker than the text of an enabled button
    expect(contrast(theme.colorNeutralForegroundDisabled, theme.colorNeutralForeground1)).toBeGreaterThan(2);
  });

  it('is the theme the pane uses', () => {
    renderPane(<Button disabled>Auswerten</Button>, dark);
    expect(screen.getByRole('button', { name: 'Auswerten' })).toBeDisabled();
    const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
    expect(css).toMatch(new RegExp(`--colorNeutralForegroundDisabled: ?${theme.colorNeutralForegroundDisabled}`));
  });
});
