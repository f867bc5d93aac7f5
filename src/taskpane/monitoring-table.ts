import { ALL_SERVICES } from '../core/clusters';
import { formatInt as fmt } from '../core/format';
import { escapeHtml as esc } from '../core/markup';
import type { Analysis } from '../core/model';
import type { YearTable } from '../core/outputs/year-table';
import type { SummaryFacts } from '../i18n/de';

/** The facts of the success message: the latest year's services (Alle Dienstleistungen), offices, the year before. */
export function summaryFacts(analysis: Analysis): SummaryFacts {
  const year = analysis.years[analysis.years.length - 1] ?? analysis.reportYear;
  const before = analysis.years[analysis.years.length - 2];
  const services = (y: number): number => analysis.total[y]?.[ALL_SERVICES] ?? 0;
  return { services: services(year), year, offices: analysis.offices.length, ...(before !== undefined ? { previous: { year: before, services: services(before) } } : {}) };
}

/** Tab-separated, for pasting as plain text. */
export function tableText(t: YearTable): string {
  return [t.header.join('\t'), ...t.rows.map((r) => [r.label, ...r.values.map(fmt)].join('\t'))].join('\n');
}

/** A bordered HTML table that Word pastes as a table (bold header and total row). */
export function tableHtml(t: YearTable): string {
  const cell = 'border:1px solid #808080;padding:2px 6px';
  const head = t.header.map((h, i) => `<th style="${cell};text-align:${i === 0 ? 'left' : 'right'}">${esc(h)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const w = r.total ? 'font-weight:bold;' : '';
      return `<tr><td style="${w}${cell}">${esc(r.label)}</td>${r.values.map((v) => `<td style="${w}${cell};text-align:right">${fmt(v)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table style="border-collapse:collapse;font-family:Arial,sans-serif;font-size:10pt"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
