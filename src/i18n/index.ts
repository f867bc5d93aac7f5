import { createContext, useContext } from 'react';
import { de, type Strings } from './de';
import { en } from './en';

export type { Strings };
export { de, en };

/** German unless the display language is English (`en`, `en-US`, …). */
export function stringsFor(language: string | undefined): Strings {
  return language?.toLowerCase().startsWith('en') ? en : de;
}

export const StringsContext = createContext<Strings>(de);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
