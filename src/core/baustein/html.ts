import type { OutValue } from '../output-model';
import { OUTPUT_STYLE } from '../outputs/style';
import { escapeHtml as esc } from '../markup';
import { formatInt } from '../format';
import type { Baustein } from './types';

/** A table cell as the Baustein shows it: German integers, text as is. */
export function cellText(value: OutValue | undefined): string {
  if (value?.kind === 'number') return formatInt(value.value);
  return value?.kind === 'text' || value?.kind === 'link' ? value.text : '';
}

/** The chart as the clipboard carries it: a PNG data URL and its size in CSS pixels. */
export interface HtmlPicture {
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The Baustein as an HTML fragment for the clipboard: Word pastes the table as a real table
 * (header row as `<thead>`, borders and fill of SPEC §5), the text as paragraphs and the chart
 * as a picture with its alternative text. Inline styles only: Word ignores style sheets on paste.
 */
export function bausteinHtml(b: Baustein, picture?: HtmlPicture): string {
  const font = `font-family:${OUTPUT_STYLE.font.name},Arial,sans-serif;font-size:${OUTPUT_STYLE.font.size}pt`;
  const cell = `border:1px solid #${OUTPUT_STYLE.border.color};padding:2px 6px`;
  const align = (c: number): string => `text-align:${c === 0 ? 'left' : 'right'}`;
  const head = b.table.header.map((h, c) => `<th style="${cell};${align(c)};font-weight:bold;background:#${OUTPUT_STYLE.header.fill}">${esc(h)}</th>`).join('');
  const body = b.table.rows
    .map((row, r) => {
      const total = b.table.totalRow && r === b.table.rows.length - 1;
      const style = total ? `;font-weight:bold;border-top:2px solid #${OUTPUT_STYLE.totalBorder.color}` : '';
      return `<tr>${b.table.header.map((_, c) => `<td style="${cell};${align(c)}${style}">${esc(cellText(row[c]))}</td>`).join('')}</tr>`;
    })
    .join('');
  const table = `<table style="border-collapse:collapse;${font}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  const para = (sentences: readonly string[]): string => `<p style="${font}">${esc(sentences.join(' '))}</p>`;
  const [first, ...rest] = b.paragraphs;
  return [
    `<div lang="de-DE">`,
    `<h2 style="${font};font-size:14pt">${esc(b.heading)}</h2>`,
    first ? para(first) : '',
    `<p style="${font};font-style:italic">${esc(b.tableCaption)}</p>`,
    table,
    picture ? `<p><img src="${esc(picture.src)}" width="${picture.width}" height="${picture.height}" alt="${esc(b.chart.altText)}"></p>` : '',
    ...rest.map(para),
    '</div>',
  ].join('');
}

/** The Baustein as plain text (the clipboard's second flavour): text, then the table tab-separated. */
export function bausteinText(b: Baustein): string {
  const table = [b.table.header.join('\t'), ...b.table.rows.map((row) => b.table.header.map((_, c) => cellText(row[c])).join('\t'))].join('\n');
  const [first, ...rest] = b.paragraphs.map((p) => p.join(' '));
  return [b.heading, first ?? '', b.tableCaption, table, ...rest].filter((s) => s !== '').join('\n\n');
}
