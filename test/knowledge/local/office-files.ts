/**
 * Small but real PDF, DOCX and XLSX files, built the way office programs write them: a PDF with a
 * composite font whose ToUnicode map carries the text (as Word's "Save as PDF" does), and Office
 * files as zips of the XML parts Word and Excel read.
 */
import { strToU8, zipSync } from 'fflate';

/** A line of a PDF page: its text and font size; an empty string leaves a paragraph's gap. */
export type PdfLine = string | { text: string; size: number };

/** One page per array of lines, top to bottom, 12 pt unless a size is given. */
export function buildPdf(pages: ReadonlyArray<readonly PdfLine[]>): Uint8Array {
  const used = [...new Set(pages.flat().flatMap((line) => [...(typeof line === 'string' ? line : line.text)]))];
  const hex = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');
  const chars = used.map((char) => `<${hex(char.charCodeAt(0))}> <${hex(char.charCodeAt(0))}>`);
  const cmapChunks: string[] = [];
  for (let at = 0; at < chars.length; at += 100) cmapChunks.push(`${Math.min(100, chars.length - at)} beginbfchar\n${chars.slice(at, at + 100).join('\n')}\nendbfchar`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...cmapChunks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const cmapId = add(stream(cmap));
  // No font program is embedded: text extraction reads only the ToUnicode map.
  const descriptorId = add('<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>');
  const cidFontId = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptorId} 0 R /CIDToGIDMap /Identity /DW 600 >>`,
  );
  const fontId = add(`<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H /DescendantFonts [${cidFontId} 0 R] /ToUnicode ${cmapId} 0 R >>`);
  const contentIds = pages.map((lines) => add(stream(pageContent(lines, hex))));
  const pagesId = objects.length + contentIds.length + 1;
  const pageIds = contentIds.map((contentId) =>
    add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`),
  );
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  const catalogId = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  return assemblePdf(objects, catalogId);
}

/** The file around numbered objects: header, bodies, the cross-reference table of their offsets, trailer. */
function assemblePdf(objects: readonly string[], rootId: number): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${rootId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out, true);
}

function stream(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

function pageContent(lines: readonly PdfLine[], hex: (code: number) => string): string {
  let y = 800;
  const ops = ['BT'];
  for (const line of lines) {
    if (line === '') {
      y -= 16;
      continue;
    }
    const { text, size } = typeof line === 'string' ? { text: line, size: 12 } : line;
    ops.push(`/F1 ${size} Tf 1 0 0 1 50 ${y} Tm <${[...text].map((char) => hex(char.charCodeAt(0))).join('')}> Tj`);
    y -= Math.round(size * 1.25);
  }
  ops.push('ET');
  return ops.join('\n');
}

/** A PDF page with a drawing and no text, as a scanner makes (a rectangle stands in for the picture). */
export function buildScannedPdf(): Uint8Array {
  const content = '0 0 0 rg 50 50 400 600 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream(content),
  ];
  return assemblePdf(objects, 1);
}

export type DocxBlock = string | { heading: string; level?: number } | { table: string[][] } | { list: string[] };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

function paragraphXml(text: string, properties = ''): string {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** Headings use Word's built-in styles (named "heading 1" in every language), lists a bullet numbering. */
export function buildDocx(blocks: readonly DocxBlock[]): Uint8Array {
  const body = blocks
    .map((block) => {
      if (typeof block === 'string') return paragraphXml(block);
      if ('heading' in block) return paragraphXml(block.heading, `<w:pStyle w:val="Heading${block.level ?? 1}"/>`);
      if ('list' in block) return block.list.map((item) => paragraphXml(item, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')).join('');
      const rows = block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraphXml(cell)}</w:tc>`).join('')}</w:tr>`);
      return `<w:tbl>${rows.join('')}</w:tbl>`;
    })
    .join('');
  const headingStyles = [1, 2, 3].map((level) => `<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/></w:style>`).join('');
  return zip({
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/></Relationships>`,
    'word/styles.xml': `${XML}<w:styles ${W}>${headingStyles}</w:styles>`,
    'word/numbering.xml': `${XML}<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    'word/document.xml': `${XML}<w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

/** A cell: text (a shared string, as Excel writes it), a number, or a date in a date-formatted cell. */
export type XlsxCell = string | number | Date | boolean | null;

/** Sheets in order; dates are written as Excel serial numbers with a built-in date format, as Excel does. */
export function buildXlsx(sheets: ReadonlyArray<{ name: string; rows: ReadonlyArray<readonly XlsxCell[]> }>): Uint8Array {
  const strings: string[] = [];
  const stringIndex = (text: string): number => {
    const found = strings.indexOf(text);
    return found === -1 ? strings.push(text) - 1 : found;
  };
  const column = (index: number): string => String.fromCharCode(65 + index);
  const cellXml = (value: XlsxCell, ref: string): string => {
    if (value === null) return '';
    if (typeof value === 'string') return `<c r="${ref}" t="s"><v>${stringIndex(value)}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if (value instanceof Date) return `<c r="${ref}" s="1"><v>${value.getTime() / 86_400_000 + 25_569}</v></c>`;
    return `<c r="${ref}"><v>${value}</v></c>`;
  };
  const sheetXml = sheets.map(
    (sheet) =>
      `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet.rows
        .map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cellXml(value, `${column(c)}${r + 1}`)).join('')}</row>`)
        .join('')}</sheetData></worksheet>`,
  );
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  sheetXml.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  files['xl/sharedStrings.xml'] = `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`;
  return zip(files);
}
