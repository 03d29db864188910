import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';

// Custom ids are `<owner>:<fields…>` (at most 100 characters); the owner routes a click to its handler.
type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export type Vote = 'up' | 'down';

/** 👍 / 👎 under an answer. */
export function feedbackRow(answerId: string): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `feedback:up:${answerId}`, emoji: { name: '👍' } },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `feedback:down:${answerId}`, emoji: { name: '👎' } },
    ],
  };
}

/** The vote and answer a feedback button stands for, or undefined for any other id. */
export function parseFeedbackId(customId: string): { vote: Vote; answerId: string } | undefined {
  const match = /^feedback:(up|down):(\w+)$/.exec(customId);
  return match ? { vote: match[1] as Vote, answerId: match[2]! } : undefined;
}

/** Previous / page n of m / Next; each button names the page it shows. */
export function pageRow(owner: string, key: string, index: number, total: number): ButtonRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `${owner}:${key}:${index - 1}`,
        label: 'Previous',
        disabled: index <= 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `${owner}:${key}:page`,
        label: `${index + 1} / ${total}`,
        disabled: true,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: `${owner}:${key}:${index + 1}`,
        label: 'Next',
        disabled: index >= total - 1,
      },
    ],
  };
}

/** The paginated reply and page a page button asks for, or undefined when the id is not one. */
export function parsePageId(owner: string, customId: string): { key: string; index: number } | undefined {
  const match = new RegExp(`^${owner}:(\\w+):(\\d+)$`).exec(customId);
  return match ? { key: match[1]!, index: Number(match[2]) } : undefined;
}

/** The handler a custom id belongs to. */
export function buttonOwner(customId: string): string {
  return customId.split(':', 1)[0]!;
}
