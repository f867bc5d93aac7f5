/*
 * Text inside XML and HTML markup: one home for the entities (package parts of the report
 * workbook, the clipboard's HTML table).
 */

/** The character entities of XML, by the character they stand for. */
export const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value for XML: `& < > " '` as entities. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * An attribute value for XML: as `escapeXml`, and tab, line feed and carriage return as
 * character references, which a parser would otherwise turn into spaces.
 */
export function escapeXmlAttribute(s: string): string {
  return s.replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c] ?? `&#${c.charCodeAt(0)};`);
}

/**
 * Text or an attribute value for HTML: `& < > "` as entities. An apostrophe stays as it is:
 * HTML 4 readers (Word's clipboard import) know no `&apos;`, and text needs none.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => XML_ENTITIES[c] ?? c);
}
