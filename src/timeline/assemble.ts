import type { ArticleTimeline } from './article-timeline.ts';
import { mergeEvents } from './merge.ts';
import { markBackground } from './merged-event.ts';
import { AssemblyMemo } from './assembly-memo.ts';
import { dateAcrossArticles } from './date-across.ts';
import type { SentenceEvent } from './sentence-event.ts';
import type { HeldAssembly } from './held-assembly.ts';
import { runSteps, type Steps } from './steps.ts';
import { surnameLinks } from './surnames.ts';
import type { TimelineEvent } from './types.ts';

/** The case's timeline from per-article extractions: dated across articles, reports of one happening merged. */
export function assembleTimeline(records: ArticleTimeline[], memo?: AssemblyMemo): TimelineEvent[] {
  return markBackground(mergeEvents(assembleSentenceEvents(records, memo)));
}

/**
 * What needs more than one article: an article whose dateline has no year takes it from the other articles
 * when they date the same events; an article with no date at all is placed by the events it shares with dated
 * ones; a surname used alone is linked to the full name the corpus gives it. Parses nothing: every sentence
 * was read at extraction, and the date arithmetic done for an article against a candidate date is recalled
 * from `memo` (kept with the extractions), so a corpus change reruns the date parser only where it brings new dates.
 */
export function assembleSentenceEvents(records: ArticleTimeline[], memo = new AssemblyMemo(records)): SentenceEvent[] {
  return linkSurnames(records, dateAcrossArticles(records, memo).events);
}

/**
 * The events with each surname used alone replaced by the full name the corpus uses most with it. An event whose
 * people stay as they are is given as it is (the same object), so what merging keeps by event carries over. With
 * what an index `held` from its last change, only the articles that differ from its corpus are counted, and an
 * event linked then is linked as then unless the link of a surname it uses alone changed.
 */
export function linkSurnames(records: ArticleTimeline[], events: SentenceEvent[], held?: HeldAssembly): SentenceEvent[] {
  return runSteps(linkingSteps(records, events, held));
}

// How many events linking goes through between two steps (`steps.ts`): a millisecond or two of work.
const EVENTS_PER_STEP = 1000;

/** `linkSurnames` as steps (`steps.ts`): it yields after counting the surnames and every few events linked. */
export function* linkingSteps(records: ArticleTimeline[], events: SentenceEvent[], held?: HeldAssembly): Steps<SentenceEvent[]> {
  const people = surnameLinks(records, held?.surnames);
  yield;
  if (!held) return events.map((event) => linkEvent(event, people));
  const changed = held.surnames.changed;
  const before = held.linked;
  // Emptied while it is made: a failure partway leaves no links recalled from a half-made map.
  held.linked = new Map();
  const linked = new Map<SentenceEvent, SentenceEvent>();
  const out: SentenceEvent[] = [];
  for (const event of events) {
    if ((out.length + 1) % EVENTS_PER_STEP === 0) yield;
    const recalled = changed && before.get(event);
    const made = recalled && !usesAlone(event.people, changed) ? recalled : linkEvent(event, people);
    linked.set(event, made);
    out.push(made);
  }
  held.linked = linked;
  return out;
}

function linkEvent(event: SentenceEvent, links: Map<string, string>): SentenceEvent {
  const linked = linkPeople(event.people, links);
  if (linked === event.people) return event;
  const kept = linkedBefore.get(event);
  if (kept && samePeople(kept.people, linked)) return kept;
  const made = { ...event, people: linked };
  linkedBefore.set(event, made);
  return made;
}

/** Whether any of `people` is a surname alone among `surnames`. */
function usesAlone(people: string[], surnames: ReadonlySet<string>): boolean {
  return surnames.size > 0 && people.some((person) => !person.includes(' ') && surnames.has(person));
}

// An event is never changed once made (as `Similarity` keeps its profile): its linked copy is kept by it, and given
// again while the links give the same people.
const linkedBefore = new WeakMap<SentenceEvent, SentenceEvent>();

function samePeople(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((person, i) => person === b[i]);
}

/** Each person linked, duplicates dropped (the first kept); `people` itself when that changes nothing. */
function linkPeople(people: string[], links: Map<string, string>): string[] {
  // Most events name no one whom a link renames, and no one twice: they are given back without a copy being made.
  if (!people.some((person, i) => renamed(person, links) || people.indexOf(person) !== i)) return people;
  let changed = false;
  const linked: string[] = [];
  for (const person of people) {
    const name = person.includes(' ') ? person : (links.get(person) ?? person);
    if (linked.includes(name)) changed = true;
    else {
      if (name !== person) changed = true;
      linked.push(name);
    }
  }
  return changed ? linked : people;
}

function renamed(person: string, links: Map<string, string>): boolean {
  if (person.includes(' ')) return false;
  const name = links.get(person);
  return name !== undefined && name !== person;
}
