import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../../commands/index.ts';
import { createCommandRegistry } from '../../src/discord/command.ts';

test('GIVEN the command files WHEN registered THEN the six commands are keyed by their names', () => {
  assert.deepEqual([...commands.keys()], ['ask', 'timeline', 'sources', 'reindex', 'corpus', 'help']);
  for (const [name, command] of commands) assert.equal(command.data.toJSON().name, name);
});

test('GIVEN two commands with the same name WHEN registered THEN the registry refuses them', () => {
  const ask = commands.get('ask')!;
  assert.throws(() => createCommandRegistry([ask, ask]), /Two commands are named "ask"/);
});

test('GIVEN every command WHEN serialised for Discord THEN descriptions fit in 100 characters', () => {
  for (const command of commands.values()) {
    const json = command.data.toJSON();
    assert.equal(json.description.length <= 100, true, json.name);
    for (const option of json.options ?? []) assert.equal(option.description.length <= 100, true, `${json.name}.${option.name}`);
  }
});
