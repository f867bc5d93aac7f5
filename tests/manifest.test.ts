import * as fs from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require('../scripts/build-manifest.js') as {
  productionManifest(xml: string, url: string | undefined): string;
};

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ROOT = path.join(__dirname, '..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function parse(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('empty document');
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    if (n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every attribute value and text that looks like a URL. */
function urls(xml: string): string[] {
  return [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/"(\w+:\/\/[^"]*)"|>(\w+:\/\/[^<]*)</g)].map((m) => (m[1] ?? m[2])!);
}

describe('manifest.xml', () => {
  const doc = parse(XML);

  it('is a well-formed task pane add-in manifest', () => {
    expect(doc.name).toBe('OfficeApp');
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
      expect(doc.children.map((c) => c.name)).toContain(name);
    }
    expect(one(doc, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one(doc, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('targets Excel only and requires ExcelApi 1.13', () => {
    const hosts = doc.children.find((c) => c.name === 'Hosts')!;
    expect(hosts.children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = all(doc, 'Set');
    expect(sets).toEqual([expect.objectContaining({ attrs: { Name: 'ExcelApi', MinVersion: '1.13' } })]);
  });

  it('speaks German with English overrides', () => {
    expect(one(doc, 'DefaultLocale').text).toBe('de-DE');
    const top = (name: string): XmlNode => doc.children.find((c) => c.name === name)!;
    for (const n of [top('DisplayName'), top('Description'), ...all(doc, 'bt:String')]) {
      const overrides = n.children.filter((c) => /(^|:)Override$/.test(c.name));
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(['en-US']);
    }
  });

  it('puts the button "Digitalisierungsübersicht" on the Home tab, opening the task pane', () => {
    expect(one(doc, 'OfficeTab').attrs.id).toBe('TabHome');
    const control = one(doc, 'Control');
    expect(control.attrs['xsi:type']).toBe('Button');
    const labelId = control.children.find((c) => c.name === 'Label')!.attrs.resid;
    const label = all(doc, 'bt:String').find((s) => s.attrs.id === labelId)!;
    expect(label.attrs.DefaultValue).toBe('Digitalisierungsübersicht');
    const action = one(control, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const urlId = one(action, 'SourceLocation').attrs.resid;
    expect(all(doc, 'bt:Url').find((u) => u.attrs.id === urlId)!.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    expect(doc.children.find((c) => c.name === 'DefaultSettings')!.children[0]!.attrs.DefaultValue).toBe(
      'https://localhost:3000/taskpane.html',
    );
  });

  it('uses https for every URL', () => {
    const found = urls(XML).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(found.length).toBeGreaterThan(5);
    for (const u of found) expect(u).toMatch(/^https:\/\//);
  });

  it('names icons that exist in assets/ with the size they claim', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const images = [...all(doc, 'bt:Image').filter((i) => i.attrs.DefaultValue), one(doc, 'IconUrl'), one(doc, 'HighResolutionIconUrl')];
    expect(images).toHaveLength(7);
    for (const img of images) {
      const url = img.attrs.DefaultValue!;
      const m = /^https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)$/.exec(url);
      expect(m).not.toBeNull();
      expect(fs.existsSync(path.join(ROOT, m![1]!))).toBe(true);
      if (img.attrs.id) expect(img.attrs.id).toBe(`Icon.${m![2]}x${m![2]}`);
    }
    expect(one(doc, 'IconUrl').attrs.DefaultValue).toMatch(/icon-32\.png$/);
    expect(one(doc, 'HighResolutionIconUrl').attrs.DefaultValue).toMatch(/icon-64\.png$/);
  });

  it('keeps short strings within 125 and long strings within 250 characters', () => {
    const short = doc.children.find((c) => c.name === 'VersionOverrides')!;
    for (const s of all(one(short, 'bt:ShortStrings'), 'bt:String')) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    for (const s of all(one(short, 'bt:LongStrings'), 'bt:String')) expect(s.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
  });
});

describe('production manifest', () => {
  it('replaces every localhost URL by the configured one and stays well-formed', () => {
    const xml = productionManifest(XML, 'https://addins.kreis.example/leika');
    expect(xml).not.toContain('localhost');
    const doc = parse(xml);
    expect(doc.children.find((c) => c.name === 'DefaultSettings')!.children[0]!.attrs.DefaultValue).toBe(
      'https://addins.kreis.example/leika/taskpane.html',
    );
    expect(one(doc, 'AppDomain').text).toBe('https://addins.kreis.example');
  });

  it('keeps the development manifest when no URL is set', () => {
    expect(productionManifest(XML, undefined)).toBe(XML);
  });

  it('refuses a URL without https', () => {
    expect(() => productionManifest(XML, 'http://intranet/leika/')).toThrow(/https/);
  });
});
