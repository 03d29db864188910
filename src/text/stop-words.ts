/**
 * English function words: too common to tell passages apart or to say what an event is about. A closed class of
 * the language, not of any corpus. Question words ("where", "when") are in it: the answerer reads the question's
 * type from its tagged words, not from these terms.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if so than then of in on at to for from by with into about after before over under up out as while
  is are was were be been being has have had do does did will would could should can may might
  i me we us our you your he him his she her it its they them their this that these those there here
  who whom which what how when where why not no any some such all more most very just also said says say`.split(/\s+/),
);
