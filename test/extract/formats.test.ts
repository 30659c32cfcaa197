/**
 * One plan, published in every format a bureau uses, gives the same plan as its
 * text given as .txt: through `npm run ingest` (a file copied into the sources by
 * hand) and through `npm run add`. The files are made here from the bundled 泰安
 * plan: a CMS page, a .docx (docx), a .doc and a .wps (built by hand), a PDF with
 * a CJK font (pdfkit with Debian's fonts-wqy-microhei) and an OFD zip (fflate).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.ts';
import { runCli } from '../cli/run.ts';
import { temporaryFolder } from '../temporary.ts';
import { buildOle, buildWordStreams, padded } from './word-fixtures.ts';

const text = readFileSync(new URL('../../content/sources/taian-2024.txt', import.meta.url), 'utf8');
const paragraphs = text.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line.length > 0);
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const escape = (line: string): string => line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function html(): Uint8Array {
  return strToU8(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>泰安市教育局</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div id="UCAP-CONTENT">${paragraphs.map((line) => `<p>${escape(line)}</p>`).join('\n')}</div>
<div class="footer">版权所有：泰安市教育局</div></body></html>`);
}

async function docx(): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: paragraphs.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A4 with wrapped, indented paragraphs, as a bureau's PDF prints a plan. */
function pdf(): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const document = new PDFDocument({ size: 'A4', margin: 72 });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => done(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', fail);
    document.font(cjkFont, 'WenQuanYiMicroHei').fontSize(12);
    for (const line of paragraphs) document.text(line, { indent: 24, paragraphGap: 4, lineGap: 2 });
    document.end();
  });
}

/** An OFD (GB/T 33190) zip: one text object per paragraph line, as a layout tool writes it. */
function ofd(): Uint8Array {
  const perLine = 38;
  const size = 4;
  let y = 20;
  let id = 10;
  const pages: string[][] = [[]];
  for (const paragraph of paragraphs) {
    for (let start = 0; start < paragraph.length; start += perLine) {
      const chunk = paragraph.slice(start, start + perLine);
      const x = start === 0 ? 25 + 2 * size : 25;
      if (y > 270) {
        pages.push([]);
        y = 20;
      }
      const deltas = Array.from({ length: [...chunk].length - 1 }, () => String(size)).join(' ');
      (pages.at(-1) as string[]).push(
        `<ofd:TextObject ID="${(id += 1)}" Boundary="${x} ${y} ${[...chunk].length * size} ${size + 1}" Font="3" Size="${size}"><ofd:TextCode X="0" Y="${size}" DeltaX="${deltas}">${escape(chunk)}</ofd:TextCode></ofd:TextObject>`,
      );
      y += size + 2;
    }
  }
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pages
        .map((_, index) => `<ofd:Page ID="${index + 1}" BaseLoc="Pages/Page_${index}/Content.xml"/>`)
        .join('')}</ofd:Pages></ofd:Document>`,
    ),
  };
  pages.forEach((page, index) => {
    files[`Doc_0/Pages/Page_${index}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${page.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  return zipSync(files);
}

/**
 * The plan's content, without what depends on the file it came from (its name,
 * digest, removed chrome, line numbers). A PDF keeps no spaces of its own (pdf.js
 * measures gaps between glyphs, and a space at a line wrap is not printed at all),
 * so for a PDF the text is compared without white space.
 */
function content(plan: Plan, spaces = true): unknown {
  const strip = (value: unknown): unknown => {
    if (typeof value === 'string' && !spaces) return value.replace(/\s+/gu, '');
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'line').map(([key, child]) => [key, strip(child)]));
    }
    return value;
  };
  const { sourceFile: _file, sourceSha256: _sha, removed: _removed, publishedOn: _published, publisher: _publisher, ...rest } = plan;
  return strip(rest);
}

function planOf(file: string): Plan {
  const result = runCli('ingest', ['--json', file]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Plan;
}

/** A Word 97 .doc of the text, one paragraph a paragraph (built by hand: test/extract/word-fixtures.ts). */
function doc(): Uint8Array {
  return buildOle(buildWordStreams({ body: paragraphs.map((line) => `${line}\r`).join('') }));
}

/** The same saved by WPS: its own stream beside Word's. */
function wps(): Uint8Array {
  return buildOle({ ...buildWordStreams({ body: paragraphs.map((line) => `${line}\r`).join('') }), WpsCustomData: padded(new Uint8Array(16), 64) });
}

const formats: Array<[string, () => Uint8Array | Promise<Uint8Array>]> = [
  ['html', html],
  ['docx', docx],
  ['doc', doc],
  ['wps', wps],
  ['pdf', pdf],
  ['ofd', ofd],
];

describe('every format gives the plan its text gives', () => {
  const folder = (prefix: string): string => temporaryFolder(prefix);
  // What every format must give: the plan of the text, ingested once for all of them.
  let textPlan: Plan | undefined;
  const planOfText = (): Plan => {
    if (textPlan) return textPlan;
    const dir = folder('plan-atlas-formats-');
    const file = join(dir, 'taian.txt');
    writeFileSync(file, text);
    textPlan = planOf(file);
    return textPlan;
  };

  it.each(formats)('.%s through npm run ingest and npm run add', async (extension, make) => {
    if (extension === 'pdf' && !existsSync(cjkFont)) throw new Error(`${cjkFont} is missing: apt-get install fonts-wqy-microhei (.ci/run installs it)`);
    const spaces = extension !== 'pdf';
    const expected = content(planOfText(), spaces);
    const dir = folder('plan-atlas-formats-');
    const file = join(dir, `taian.${extension}`);
    writeFileSync(file, await make());
    expect(content(planOf(file), spaces)).toEqual(expected);

    const sources = join(dir, 'sources');
    mkdirSync(sources);
    const added = runCli('add', [file, '--sources', sources, '--name', 'plan']);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(readFileSync(join(sources, `plan.${extension}`))).toEqual(readFileSync(file));
    expect(content(planOf(join(sources, `plan.${extension}`)), spaces)).toEqual(expected);
  }, 60_000);
});

describe('a page whose body no known CMS container holds', () => {
  it('is read by the fallback, and --check says to review it', () => {
    const dir = temporaryFolder('plan-atlas-fallback-');
    const file = join(dir, 'page.html');
    writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="nav">首页 政务公开</div><div class="mystery">${paragraphs.map((line) => `<p>${escape(line)}</p>`).join('')}</div></body></html>`);
    const result = runCli('ingest', ['--check', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('/shandong/taian/2024/');
    expect(result.stdout).toMatch(/warnings\n\s+line 1: [^\n]*(?:fallback|review|check)/iu);
  });
});

describe('files the ingest cannot read, through npm run ingest', () => {
  const ingestOne = (name: string, bytes: Uint8Array): { status: number | null; stderr: string } => {
    const dir = temporaryFolder('plan-atlas-badfiles-');
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const sources = join(dir, 'sources');
    mkdirSync(sources);
    writeFileSync(join(sources, name), bytes);
    writeFileSync(join(sources, 'taian.txt'), text);
    const result = runCli('ingest', ['--sources', sources, '--content', join(dir, 'content'), '--no-cache']);
    // The other source is still published.
    expect(existsSync(join(dir, 'content', 'plans', 'shandong', 'taian', '2024.md'))).toBe(true);
    return result;
  };

  it('names a .docx saved as .txt, and the fix', async () => {
    const result = ingestOne('plan.txt', await docx());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/plan\.txt: error \[mislabelled\] this file is a Word \.docx file saved as \.txt\n {2}hint: rename it to end in \.docx/u);
  });

  it('names a scanned PDF, with its page count', async () => {
    const scanned = await new Promise<Uint8Array>((done) => {
      const document = new PDFDocument({ size: 'A4' });
      const chunks: Buffer[] = [];
      document.on('data', (chunk: Buffer) => chunks.push(chunk));
      document.on('end', () => done(new Uint8Array(Buffer.concat(chunks))));
      document.rect(72, 72, 400, 600).fill('#888888');
      document.addPage().rect(72, 72, 400, 600).fill('#999999');
      document.end();
    });
    const result = ingestOne('scan.pdf', scanned);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/scan\.pdf: error \[scanned-pdf\] .*2 pages/u);
    expect(result.stderr).toMatch(/hint: .*(?:OCR|\.txt)/u);
  });

  it('names an encrypted PDF', async () => {
    const locked = await new Promise<Uint8Array>((done) => {
      const document = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
      const chunks: Buffer[] = [];
      document.on('data', (chunk: Buffer) => chunks.push(chunk));
      document.on('end', () => done(new Uint8Array(Buffer.concat(chunks))));
      document.font(cjkFont, 'WenQuanYiMicroHei').text('一、总体要求');
      document.end();
    });
    const result = ingestOne('locked.pdf', locked);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/locked\.pdf: error \[encrypted\]/u);
  });

  it('names an empty file', () => {
    const result = ingestOne('empty.pdf', new Uint8Array());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/empty\.pdf: error \[empty\]/u);
  });
});
