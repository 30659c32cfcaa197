/**
 * Binary Word files for tests, built by hand (no tool here writes Word 97 files):
 * the smallest OLE compound file word-extractor reads.
 */
// ─── Binary .doc and .wps, built by hand ─────────────────────────────────────
//
// No tool here writes Word 97 files, so the tests assemble the smallest one
// word-extractor reads: an OLE compound file (MS-CFB) holding a WordDocument
// stream (a FIB, the text as UTF-16, a paragraph-property page marking table
// row ends) and a 1Table stream (the piece table, the header story table).

const endOfChain = 0xfffffffe;
const freeSector = 0xffffffff;
const noStream = 0xffffffff;

/** An OLE compound file (version 3, 512-byte sectors) with these root streams; streams under 4096 bytes go to the mini stream. */
export function buildOle(streams: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(streams);
  const big = entries.filter(([, data]) => data.length >= 4096);
  const small = entries.filter(([, data]) => data.length < 4096);
  const sectorsOf = (length: number, size: number): number => Math.ceil(length / size);

  // The mini stream: 64-byte sectors, each small stream in a run of them.
  const miniStarts = new Map<string, number>();
  let miniSectors = 0;
  for (const [name, data] of small) {
    miniStarts.set(name, miniSectors);
    miniSectors += sectorsOf(data.length, 64);
  }
  const miniStream = new Uint8Array(miniSectors * 64);
  for (const [name, data] of small) miniStream.set(data, (miniStarts.get(name) as number) * 64);
  const miniFat = new Uint32Array(Math.max(1, sectorsOf(miniSectors * 4, 512)) * 128).fill(freeSector);
  for (const [name, data] of small) {
    const start = miniStarts.get(name) as number;
    const count = sectorsOf(data.length, 64);
    for (let index = 0; index < count; index += 1) miniFat[start + index] = index === count - 1 ? endOfChain : start + index + 1;
  }

  // Sector layout: the FAT, the directory, the mini FAT, the mini stream, then the big streams.
  const directorySectors = sectorsOf((entries.length + 1) * 128, 512);
  const miniFatSectors = small.length > 0 ? miniFat.length / 128 : 0;
  const miniStreamSectors = sectorsOf(miniStream.length, 512);
  const fat = new Uint32Array(128).fill(freeSector);
  fat[0] = 0xfffffffd;
  let next = 1;
  const allocate = (count: number): number => {
    if (count === 0) return endOfChain;
    const start = next;
    for (let index = 0; index < count; index += 1) fat[start + index] = index === count - 1 ? endOfChain : start + index + 1;
    next += count;
    return start;
  };
  const directoryStart = allocate(directorySectors);
  const miniFatStart = allocate(miniFatSectors);
  const miniStreamStart = allocate(miniStreamSectors);
  const bigStarts = big.map(([, data]) => allocate(sectorsOf(data.length, 512)));
  if (next > 128) throw new Error('test file too large for one FAT sector');

  const file = new Uint8Array((next + 1) * 512);
  const view = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, directoryStart, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, miniFatStart, true);
  view.setUint32(0x40, miniFatSectors, true);
  view.setUint32(0x44, endOfChain, true);
  for (let index = 0; index < 109; index += 1) view.setUint32(0x4c + index * 4, index === 0 ? 0 : freeSector, true);
  const sectorOffset = (sector: number): number => (sector + 1) * 512;
  fat.forEach((value, index) => view.setUint32(sectorOffset(0) + index * 4, value, true));
  if (miniFatSectors > 0) miniFat.forEach((value, index) => view.setUint32(sectorOffset(miniFatStart) + index * 4, value, true));
  if (miniStreamSectors > 0) file.set(miniStream, sectorOffset(miniStreamStart));
  big.forEach(([, data], index) => file.set(data, sectorOffset(bigStarts[index] as number)));

  const writeEntry = (slot: number, name: string, type: number, start: number, size: number, child: number, right: number): void => {
    const offset = sectorOffset(directoryStart) + slot * 128;
    const encoded = Buffer.from(name, 'utf16le');
    file.set(encoded, offset);
    view.setUint16(offset + 64, encoded.length + 2, true);
    file[offset + 66] = type;
    file[offset + 67] = 1;
    view.setUint32(offset + 68, noStream, true);
    view.setUint32(offset + 72, right, true);
    view.setUint32(offset + 76, child, true);
    view.setUint32(offset + 116, start, true);
    view.setUint32(offset + 120, size, true);
  };
  writeEntry(0, 'Root Entry', 5, miniStreamSectors > 0 ? miniStreamStart : endOfChain, miniStream.length, entries.length > 0 ? 1 : noStream, noStream);
  entries.forEach(([name, data], index) => {
    const start = data.length >= 4096 ? (bigStarts[big.findIndex(([other]) => other === name)] as number) : (miniStarts.get(name) as number);
    writeEntry(index + 1, name, 2, start, data.length, noStream, index + 1 < entries.length ? index + 2 : noStream);
  });
  return file;
}

export const padded = (data: Uint8Array, size = 4096): Uint8Array => {
  const out = new Uint8Array(Math.max(size, data.length));
  out.set(data);
  return out;
};

export interface WordParts {
  /** Paragraphs end in \r; table cells end in \x07 and a row with a further \x07. */
  body: string;
  footnotes?: string;
  header?: string;
  footer?: string;
  comments?: string;
  encrypted?: boolean;
}

/** WordDocument and 1Table streams of a Word 97 file holding these stories. */
export function buildWordStreams(parts: WordParts): { WordDocument: Uint8Array; '1Table': Uint8Array } {
  const footnotes = parts.footnotes ?? '';
  const headers = (parts.header ?? '') + (parts.footer ?? '');
  const comments = parts.comments ?? '';
  const all = `${parts.body}${footnotes}${headers}${comments}\r`;
  const textStart = 0x800;
  const text = Buffer.from(all, 'utf16le');
  const fkpPage = Math.ceil((textStart + text.length) / 512);
  const word = new Uint8Array((fkpPage + 1) * 512);
  const view = new DataView(word.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(2, 0xc1, true);
  view.setUint16(0x0a, 0x0200 | (parts.encrypted === true ? 0x0100 : 0), true);
  view.setUint32(0x18, textStart, true);
  view.setUint32(0x4c, parts.body.length, true);
  view.setUint32(0x50, footnotes.length, true);
  view.setUint32(0x54, headers.length, true);
  view.setUint32(0x5c, comments.length, true);
  word.set(text, textStart);

  // Paragraph properties: the row-end marks (the second \x07 in a row) carry sprmPFTtp.
  const fc = (cp: number): number => textStart + cp * 2;
  const boundaries = [fc(0)];
  for (let cp = 1; cp < parts.body.length; cp += 1) {
    if (parts.body[cp] === '\x07' && parts.body[cp - 1] === '\x07') boundaries.push(fc(cp), fc(cp + 1));
  }
  boundaries.push(fc(all.length));
  const fkp = new Uint8Array(512);
  const fkpView = new DataView(fkp.buffer);
  const runs = boundaries.length - 1;
  boundaries.forEach((value, index) => fkpView.setUint32(index * 4, value, true));
  fkp.set([0, 1, 0, 0], 480); // a PAPX with only a style index
  fkp.set([3, 0, 0, 0x17, 0x24, 0x01], 496); // a PAPX with sprmPFTtp = 1
  for (let run = 0; run < runs; run += 1) {
    const isRowEnd = run % 2 === 1;
    fkp[(runs + 1) * 4 + run * 13] = (isRowEnd ? 496 : 480) / 2;
  }
  fkp[511] = runs;
  word.set(fkp, fkpPage * 512);

  const table: number[] = [];
  const u32 = (value: number): void => {
    table.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
  };
  // The piece table: one piece, all the text, UTF-16 at textStart.
  const clxAt = table.length;
  table.push(2);
  u32(16);
  u32(0);
  u32(all.length);
  table.push(0, 0);
  u32(textStart);
  table.push(0, 0);
  const clxLength = table.length - clxAt;
  // Header stories: six separators, then even/odd header, even/odd footer, first header/footer.
  const hddAt = table.length;
  const header = (parts.header ?? '').length;
  const footer = (parts.footer ?? '').length;
  for (const cp of [0, 0, 0, 0, 0, 0, 0, 0, header, header, header + footer, header + footer, header + footer, header + footer]) u32(cp);
  const hddLength = headers.length > 0 ? table.length - hddAt : 0;
  const papxAt = table.length;
  u32(fc(0));
  u32(fc(all.length));
  u32(fkpPage);

  view.setUint32(0xf2, hddAt, true);
  view.setUint32(0xf6, hddLength, true);
  view.setUint32(0x102, papxAt, true);
  view.setUint32(0x106, 12, true);
  view.setUint32(0x1a2, clxAt, true);
  view.setUint32(0x1a6, clxLength, true);
  return { WordDocument: padded(word), '1Table': padded(Uint8Array.from(table)) };
}

