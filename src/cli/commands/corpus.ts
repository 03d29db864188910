import type { CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';

const out = (ctx: CliContext) => ({ print: (text: string) => ctx.print(text), io: ctx.io });
const finish = (ctx: CliContext, code: number) => {
  if (code !== 0) ctx.exitCode = code;
};

/** `add <file|url> [--yes]`: preview, confirm, add one article; the index is updated incrementally. */
export const add: CliCommand = {
  name: 'add',
  define: (program, ctx) =>
    program
      .command('add')
      .description('add an article from a .txt, .md, .html or .pdf file or a web page (preview, then confirmation); only it is embedded')
      .argument('<file|url>', 'a file path or an http(s) address')
      .option('-y, --yes', 'skip the confirmation (for scripts)')
      .action(async (target: string, options: { yes?: boolean }) => {
        const { runAdd } = await import('../add.ts');
        finish(
          ctx,
          await runAdd(await ctx.open(), target, { yes: Boolean(options.yes), maxFileBytes: (await ctx.config()).maxFileBytes }, out(ctx)),
        );
      }),
};

/** `remove <id> [--yes]`: remove one article after confirmation; the index is updated incrementally. */
export const remove: CliCommand = {
  name: 'remove',
  define: (program, ctx) =>
    program
      .command('remove')
      .description('remove an article (its id as `dossier list` shows it); the file moves to DATA_DIR/removed-articles')
      .argument('<id>', 'the article id')
      .option('-y, --yes', 'skip the confirmation (for scripts)')
      .action(async (id: string, options: { yes?: boolean }) => {
        const { runRemove } = await import('../remove.ts');
        finish(ctx, await runRemove(await ctx.open(), id, { yes: Boolean(options.yes) }, out(ctx)));
      }),
};

/** `list [--json]`: the articles with id, title, outlet, date and chunk count. */
export const list: CliCommand = {
  name: 'list',
  define: (program, ctx) =>
    program
      .command('list')
      .description('the articles: id, title, outlet, date and chunks')
      .option('--json', 'print a JSON array of {id, title, outlet, author, date, url, chunks}')
      .action(async (options: { json?: boolean }) => {
        const { runList } = await import('../list.ts');
        finish(ctx, runList(await ctx.open(), { json: Boolean(options.json) }, out(ctx)));
      }),
};

/** `audit [--json]`: the corpus audit log; needs no index. */
export const audit: CliCommand = {
  name: 'audit',
  define: (program, ctx) =>
    program
      .command('audit')
      .description('who added or removed which article, when, with the file checksum')
      .option('--json', 'print the entries as a JSON array')
      .action(async (options: { json?: boolean }) => {
        const { runAudit } = await import('../audit.ts');
        finish(ctx, await runAudit((await ctx.config()).dataDir, { json: Boolean(options.json) }, out(ctx)));
      }),
};
