import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, Citation } from '../answer/types.ts';
import { feedbackRow } from './buttons.ts';
import { fitEmbed, LIMITS, truncate } from './limits.ts';
import { plain } from './markdown.ts';
import { NO_MENTIONS } from './replies.ts';

const ANSWER_COLOR = 0x2f6fb3;
const ABSTAIN_COLOR = 0x8a8f98;
/** Quotes are cut to keep several sources within one 1024-character field. */
const QUOTE_CHARS = 220;

/** `` `file` — title (date) ``: how every reply names an article. */
export function articleLabel(article: { source: string; title?: string; date?: string }): string {
  const title = article.title ? ` — ${plain(truncate(article.title, 90))}` : '';
  const date = article.date ? ` (${article.date})` : '';
  return `\`${article.source}\`${title}${date}`;
}

/** `[n] file — title (date)` then the verbatim quote on its own line. */
export function citationBlock(citation: Citation, quoteChars = QUOTE_CHARS): string {
  const quote = truncate(citation.quote.replace(/\s+/g, ' ').trim(), quoteChars);
  return `[${citation.n}] ${articleLabel(citation)}\n> ${plain(quote)}`;
}

/** Packs blocks into fields of at most 1024 characters: "Sources", then "Sources (continued)". */
export function packFields(name: string, blocks: string[], separator = '\n\n'): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  for (const block of blocks.map((b) => truncate(b, LIMITS.fieldValue))) {
    if (value && value.length + separator.length + block.length > LIMITS.fieldValue) {
      fields.push({ name: fields.length ? `${name} (continued)` : name, value });
      value = '';
    }
    value = value ? `${value}${separator}${block}` : block;
  }
  if (value) fields.push({ name: fields.length ? `${name} (continued)` : name, value });
  return fields;
}

/** The embed for an answer: its text with [n] markers, its sources with quotes, within Discord's limits. */
export function answerEmbed(answer: Answer): APIEmbed {
  const fields = answer.abstained
    ? packFields('Closest articles', (answer.nearest ?? []).map(articleLabel), '\n')
    : packFields(
        'Sources',
        answer.citations.map((citation) => citationBlock(citation)),
      );
  const seconds = (answer.timingsMs.total / 1000).toFixed(1);
  const footer = [answer.mode === 'llm' ? 'LLM answer checked against the articles' : 'Extractive answer', `${seconds} s`, answer.note]
    .filter(Boolean)
    .join(' · ');
  return fitEmbed({
    color: answer.abstained ? ABSTAIN_COLOR : ANSWER_COLOR,
    title: plain(answer.question.replace(/\s+/g, ' ').trim()),
    description: plain(answer.answer),
    fields,
    footer: { text: footer },
  });
}

/** The whole reply for an answer: its embed, the 👍/👎 row, and no pings. */
export function answerMessage(answer: Answer, answerId: string) {
  return { content: '', embeds: [answerEmbed(answer)], components: [feedbackRow(answerId)], allowedMentions: NO_MENTIONS };
}
