/**
 * Renders the Baustein (SPEC §9) as a Word document with the `docx` package: heading, text,
 * the year table with a marked header row (`w:tblHeader`), and the chart as a PNG picture with
 * alternative text. Document language de-DE; runs use the theme's fonts. Works in Node and in
 * the browser (the PNG is rendered by the caller: resvg in the CLI, a canvas in the browser).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Baustein } from '../core/baustein';
import { cellText } from '../core/baustein/html';
import { OUTPUT_STYLE } from '../core/outputs/style';

export interface ChartPicture {
  readonly png: Uint8Array;
  /** Size in CSS pixels (96 per inch). */
  readonly width: number;
  readonly height: number;
}

const BODY_FONT = { theme: 'body' } as const;
const HEADING_FONT = { theme: 'headings' } as const;
const LANGUAGE = { value: 'de-DE' } as const;
/** Half-points, as Word counts font sizes. */
const SIZE = OUTPUT_STYLE.font.size * 2;

function border(color: string, size: number): { style: (typeof BorderStyle)[keyof typeof BorderStyle]; size: number; color: string } {
  return { style: BorderStyle.SINGLE, size, color };
}

function yearTable(b: Baustein): Table {
  const thin = border(OUTPUT_STYLE.border.color, 4);
  const thick = border(OUTPUT_STYLE.totalBorder.color, 12);
  const columns = b.table.header.length;
  const cell = (text: string, c: number, kind: 'header' | 'body' | 'total'): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: c === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [new TextRun({ text, bold: kind !== 'body', font: BODY_FONT, language: LANGUAGE, size: SIZE })],
        }),
      ],
      borders: { top: kind === 'total' ? thick : thin, bottom: thin, left: thin, right: thin },
      ...(kind === 'header' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: OUTPUT_STYLE.header.fill } } : {}),
      width: { size: c === 0 ? 3400 : 1400, type: WidthType.DXA },
      margins: { left: 80, right: 80 },
    });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: b.table.header.map((h, c) => cell(h, c, 'header')) });
  const body = b.table.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: Array.from({ length: columns }, (_, c) => cell(cellText(row[c]), c, b.table.totalRow && r === b.table.rows.length - 1 ? 'total' : 'body')),
      }),
  );
  return new Table({ rows: [header, ...body], width: { size: 3400 + 1400 * (columns - 1), type: WidthType.DXA }, columnWidths: [3400, ...Array.from({ length: columns - 1 }, () => 1400)] });
}

function text(t: string, opts: { italic?: boolean } = {}): TextRun {
  return new TextRun({ text: t, font: BODY_FONT, language: LANGUAGE, size: SIZE, ...(opts.italic ? { italics: true } : {}) });
}

/** The Baustein as .docx bytes. */
export async function writeBausteinDocx(b: Baustein, chart: ChartPicture): Promise<Uint8Array> {
  const [first, ...rest] = b.paragraphs;
  const para = (sentences: readonly string[]): Paragraph => new Paragraph({ spacing: { after: 160 }, children: [text(sentences.join(' '))] });
  const doc = new Document({
    creator: 'LeiKa-Monitor',
    title: b.heading,
    description: 'Baustein für die Mitteilungsvorlage',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, language: LANGUAGE, size: SIZE } },
        heading2: { run: { font: HEADING_FONT, language: LANGUAGE, bold: true, size: 28 } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: b.heading, font: HEADING_FONT, language: LANGUAGE })] }),
          ...(first ? [para(first)] : []),
          new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [text(b.tableCaption, { italic: true })] }),
          yearTable(b),
          new Paragraph({
            spacing: { before: 240, after: 240 },
            children: [
              new ImageRun({
                type: 'png',
                data: chart.png,
                transformation: { width: chart.width, height: chart.height },
                altText: { name: b.chart.title, title: b.chart.title, description: b.chart.altText },
              }),
            ],
          }),
          ...rest.map(para),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
