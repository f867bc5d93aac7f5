/** A year as the pane's year fields accept it: four digits from 2000 to 2099. */
export function isYearText(text: string): boolean {
  return /^20\d\d$/.test(text.trim());
}
