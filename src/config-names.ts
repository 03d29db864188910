import { distance } from 'fastest-levenshtein';

/**
 * Warnings for setting names that Dossier will not read: in `.env`, any name that is not a setting (with the
 * setting it most likely meant, when one differs only by case or a small typo); in the environment, where many
 * other programs' variables live, only names that differ from a setting by case.
 */
export function settingNameWarnings(known: readonly string[], fileKeys: readonly string[], envKeys: readonly string[] = []): string[] {
  const knownSet = new Set(known);
  const warnings: string[] = [];
  for (const key of fileKeys) {
    if (knownSet.has(key)) continue;
    const meant = likelyMeant(known, key);
    if (meant && meant.toUpperCase() === key.toUpperCase())
      warnings.push(`.env: ${key} is ignored: setting names are upper case; write ${meant}.`);
    else if (meant) warnings.push(`.env: ${key} is not a Dossier setting and is ignored; did you mean ${meant}?`);
    else warnings.push(`.env: ${key} is not a Dossier setting and is ignored (.env.example lists every setting).`);
  }
  const inFile = new Set(fileKeys);
  for (const key of envKeys) {
    if (knownSet.has(key) || inFile.has(key)) continue;
    const meant = known.find((name) => name.toUpperCase() === key.toUpperCase());
    if (meant) warnings.push(`The environment variable ${key} is ignored: setting names are upper case; set ${meant}.`);
  }
  return warnings;
}

/** The setting a name was probably meant to be: same letters in another case, or within a typo or two. */
function likelyMeant(known: readonly string[], key: string): string | undefined {
  const upper = key.toUpperCase();
  // One slip per five characters, at most three: DATA_DIRR → DATA_DIR, but LLM_URL is not meant as LLM_MODEL.
  const allowed = Math.min(3, Math.max(1, Math.floor(upper.length / 5)));
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = distance(upper, name);
    if (d <= allowed && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}
