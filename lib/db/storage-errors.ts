import { errorMessage } from '../error-message.ts';
/**
 * What a storage failure means for the reader, in Swedish. IndexedDB and Dexie report trouble by
 * error name, often wrapped (a transaction aborted by a full disk is an AbortError whose `inner`
 * is the QuotaExceededError), so we look through the wrapping before deciding.
 */

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') found.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return found;
}

export function storageErrorMessage(error: unknown, action = 'Markeringen kunde inte sparas'): string {
  const all = names(error);
  if (all.includes('QuotaExceededError')) {
    return `${action}: webbläsaren har inte mer lagringsutrymme åt Riksref. Frigör utrymme (till exempel Töm cachen under Inställningar) och försök igen.`;
  }
  if (all.includes('VersionError')) {
    return `${action}: databasen har skapats av en nyare version av Riksref. Uppdatera tillägget eller starta om webbläsaren.`;
  }
  if (all.includes('BlockedError') || all.includes('DatabaseClosedError') || all.includes('OpenFailedError')) {
    return `${action}: databasen är blockerad av en annan version av Riksref som är öppen. Stäng andra flikar med riksdagen.se eller starta om webbläsaren och försök igen.`;
  }
  const detail = errorMessage(error);
  return `${action}: ${detail || 'okänt fel i databasen'}.`;
}
