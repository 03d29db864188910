import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { prepareArticle, type PrepareOptions } from '../../src/ingest/prepare.ts';

const OPTIONS: PrepareOptions = {
  maxFileBytes: 60_000,
  urlFetch: { allowPrivate: true, maxBytes: 2_000_000, timeoutMs: 5_000, maxRedirects: 3 },
};
const TITLE = 'Harbour ferry strike ends after nine days';
const FIRST =
  'The ferry workers of Port Alder returned to work on Thursday after a strike that lasted nine days and stranded about 4,000 commuters. The union said the agreement raises wages by six per cent over two years.';
const SECOND =
  'Negotiations were led by the mediator Ilse Varga, who was appointed by the regional council in February. She said both sides had made concessions.';
const THIRD = 'The council will review the timetable in May.';

/** A PDF as a newspaper's site exports one: metadata, the headline at the top, paragraphs wrapped over lines, two pages. */
function articlePdf(options: { text?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ info: { Title: TITLE, Author: 'Mara Quill', CreationDate: new Date('2024-03-14T10:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  if (options.text !== false) {
    doc.fontSize(18).text(TITLE).moveDown();
    doc.fontSize(11).text(FIRST).moveDown().text(SECOND);
    doc.addPage().fontSize(11).text(THIRD);
  } else {
    doc.rect(72, 72, 200, 100).fill('#888');
  }
  doc.end();
  return done;
}

describe('PDF articles', () => {
  it('GIVEN a PDF with metadata WHEN prepared THEN it becomes a Markdown article with its title, author, date and paragraphs, wrapped lines joined', async () => {
    const prepared = await prepareArticle({ kind: 'file', name: 'ferry.pdf', bytes: await articlePdf() }, OPTIONS);
    assert.match(prepared.source, /^harbour-ferry-strike-ends-after-nine-days-[0-9a-f]{10}\.md$/);
    assert.equal(prepared.content, `# ${TITLE}\nBy Mara Quill\ndate 2024-03-14\n\n${FIRST}\n\n${SECOND}\n\n${THIRD}\n`);
    assert.deepEqual(prepared.article.meta, { title: TITLE, author: 'Mara Quill', date: '2024-03-14' });
    assert.ok(prepared.article.sentences.some((sentence) => sentence.text === 'She said both sides had made concessions.'));
  });

  it('GIVEN a URL serving application/pdf WHEN prepared THEN the PDF is read and the address kept as its origin', async () => {
    const body = await articlePdf();
    const fetch: PrepareOptions['fetch'] = async (url) => ({ url, contentType: 'application/pdf', body });
    const prepared = await prepareArticle({ kind: 'url', url: 'https://news.example/2024/ferry.pdf' }, { ...OPTIONS, fetch });
    assert.equal(prepared.origin, 'https://news.example/2024/ferry.pdf');
    assert.equal(prepared.article.meta.url, 'https://news.example/2024/ferry.pdf');
    assert.ok(prepared.content.includes(SECOND));
  });

  it('GIVEN a PDF with no text layer (a scan) WHEN prepared THEN it is refused, saying why', async () => {
    await assert.rejects(prepareArticle({ kind: 'file', name: 'scan.pdf', bytes: await articlePdf({ text: false }) }, OPTIONS), {
      name: 'UserError',
      message: 'scan.pdf was refused: the PDF has no text layer (a scanned image?); save the article as text.',
    });
  });

  it('GIVEN bytes that are not a PDF WHEN prepared as one THEN it is refused as unreadable', async () => {
    await assert.rejects(prepareArticle({ kind: 'file', name: 'report.pdf', bytes: Buffer.from('%PDF-1.7 truncated') }, OPTIONS), {
      name: 'UserError',
      message: /^report\.pdf was refused: it is not a readable PDF/,
    });
  });

  it('GIVEN an empty PDF file WHEN prepared THEN it is refused as empty', async () => {
    await assert.rejects(prepareArticle({ kind: 'file', name: 'empty.pdf', bytes: Buffer.alloc(0) }, OPTIONS), {
      name: 'UserError',
      message: 'empty.pdf was refused: the file is empty.',
    });
  });
});
