import type {
  APIEmbed,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Config } from '../config.ts';
import type { Dossier } from '../core/dossier.ts';
import type { Logger } from '../logger.ts';
import type { Asker } from './asker.ts';
import type { Cooldowns } from './cooldown.ts';
import type { AnswerMemory, BoundedMap } from './memory.ts';

/** A reply with pages that only its asker may turn. */
export interface PagedReply {
  userId: string;
  pages: APIEmbed[];
}

/** What every command handler is given: the core facade and the adapter's per-bot state. */
export interface CommandContext {
  config: Config;
  dossier: Dossier;
  logger: Logger;
  ask: Asker;
  cooldowns: Cooldowns;
  answers: AnswerMemory;
  pages: BoundedMap<string, PagedReply>;
  /** Least time between two progress edits of a /reindex reply (Discord rate-limits message edits). */
  progressIntervalMs: number;
}

/** A slash command: its definition for Discord and its handlers. One per file in `commands/`. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** Clicks on buttons whose custom id starts with `${data.name}:`. */
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<void>;
}

export type CommandRegistry = ReadonlyMap<string, Command>;

/** A registry keyed by command name. @throws Error when two commands share a name. */
export function createCommandRegistry(commands: readonly Command[]): CommandRegistry {
  const registry = new Map<string, Command>();
  for (const command of commands) {
    if (registry.has(command.data.name)) throw new Error(`Two commands are named "${command.data.name}"; command names must be unique.`);
    registry.set(command.data.name, command);
  }
  return registry;
}
