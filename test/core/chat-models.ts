import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { FakeListChatModel } from '@langchain/core/utils/testing';

/**
 * A FakeListChatModel that records the messages it was sent, and can fail instead of answering, or reply with
 * what `reply` makes of the messages (a model that does what its input tells it, for injection tests).
 */
export class RecordingChatModel extends FakeListChatModel {
  calls: BaseMessage[][] = [];
  failWith?: Error;
  reply?: (messages: BaseMessage[]) => string;

  override async _generate(
    messages: BaseMessage[],
    options?: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    this.calls.push(messages);
    if (this.failWith) throw this.failWith;
    if (this.reply) {
      const text = this.reply(messages);
      return { generations: [{ text, message: new AIMessage(text) }] };
    }
    return super._generate(messages, options, runManager);
  }
}
