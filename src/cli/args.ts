import { parseArgs } from 'node:util';
import { CLI_MESSAGES } from './messages';

/** A failure the user must fix: printed as one German line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options of SPEC §6. */
export interface CliOptions {
  readonly inputs: readonly string[];
  readonly out?: string;
  /** The Baustein für die Mitteilungsvorlage (SPEC §9). */
  readonly docx?: string;
  readonly year?: string;
  readonly catalog?: string;
  readonly force: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  docx: { type: 'string' },
  year: { type: 'string', short: 'y' },
  catalog: { type: 'string' },
  force: { type: 'boolean', short: 'f' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Name = keyof typeof OPTIONS;

function isName(name: string): name is Name {
  return Object.hasOwn(OPTIONS, name);
}

/**
 * Parses the command line. Node's parser runs without its strict checks (their messages are
 * English); the same checks are made here on its tokens and end in a German UsageError.
 */
export function parseCli(argv: readonly string[]): CliOptions {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  const inputs: string[] = [];
  const values: Partial<Record<Name, string | true>> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') inputs.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    if (!isName(name)) throw new UsageError(CLI_MESSAGES.unknownOption(rawName));
    if (values[name] !== undefined) throw new UsageError(CLI_MESSAGES.repeatedOption(rawName));
    if (OPTIONS[name].type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(CLI_MESSAGES.noValueAllowed(rawName));
      values[name] = true;
      continue;
    }
    // `--out --json` means a forgotten value, not a file called "--json" (write `--out=-x.xlsx` for that).
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) throw new UsageError(CLI_MESSAGES.missingValue(rawName));
    values[name] = value;
  }
  const text = (name: Name): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const out = text('out');
  const docx = text('docx');
  const year = text('year');
  const catalog = text('catalog');
  return {
    inputs,
    ...(out !== undefined ? { out } : {}),
    ...(docx !== undefined ? { docx } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(catalog !== undefined ? { catalog } : {}),
    force: values.force === true,
    json: values.json === true,
    help: values.help === true,
  };
}
