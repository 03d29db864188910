import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PermissionFlagsBits, PermissionsBitField, type APIInteractionGuildMember } from 'discord.js';
import { isModerator } from '../../src/discord/permissions.ts';

const member = (roles: string[]) => ({ roles }) as unknown as APIInteractionGuildMember;

test('GIVEN Manage Server WHEN checked THEN the member is a moderator', () => {
  assert.equal(isModerator(member([]), new PermissionsBitField(PermissionFlagsBits.ManageGuild), []), true);
});

test('GIVEN Administrator WHEN checked THEN the member is a moderator (Administrator implies every permission)', () => {
  assert.equal(isModerator(member([]), new PermissionsBitField(PermissionFlagsBits.Administrator), []), true);
});

test('GIVEN a role listed in MODERATOR_ROLE_IDS WHEN checked THEN the member is a moderator', () => {
  assert.equal(isModerator(member(['77777']), new PermissionsBitField(PermissionFlagsBits.SendMessages), ['77777']), true);
});

test('GIVEN neither WHEN checked THEN the member is not a moderator', () => {
  assert.equal(isModerator(member(['12345']), new PermissionsBitField(PermissionFlagsBits.SendMessages), ['77777']), false);
  assert.equal(isModerator(null, null, ['77777']), false);
});
