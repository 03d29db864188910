import type { CliCommand } from '../command.ts';

/** `search [--json] <query...>`: the ranked passages with their retrieval scores. */
export const search: CliCommand = {
  name: 'search',
  define: (program, ctx) =>
    program
      .command('search')
      .description('the passages that best match a query, ranked, with their scores')
      .argument('<query...>', 'words to look for')
      .option('--json', 'print a JSON array of {source, title, text, score, start, end}')
      .action(async (words: string[], options: { json?: boolean }) => {
        const dossier = await ctx.open();
        const hits = await dossier.search(words.join(' '));
        if (options.json) return ctx.print(JSON.stringify(hits, null, 2));
        ctx.print(
          hits.map((h, i) => `${i + 1}. ${h.source} (${h.score.toFixed(4)})\n   ${h.text.slice(0, 240).replace(/\s+/g, ' ')}`).join('\n'),
        );
      }),
};
