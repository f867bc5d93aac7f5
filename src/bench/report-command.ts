/**
 * The Node options of `npm run report` (package.json), so that the benchmark starts the CLI as
 * users do, without npm's own start-up around it. Throws where the script is not of the form
 * `node [options] dist-node/cli/main.js`: a benchmark of another command would time the wrong thing.
 */
export function reportNodeOptions(packageJson: { readonly scripts?: Readonly<Record<string, string>> }): string[] {
  const script = packageJson.scripts?.['report'];
  const m = script === undefined ? null : /^node((?: --[a-z][a-z-]*(?:=[\w.]+)?)*) dist-node\/cli\/main\.js$/.exec(script);
  if (!m) throw new Error(`package.json: "report" ist nicht „node [Optionen] dist-node/cli/main.js“, sondern ${JSON.stringify(script)}`);
  return m[1]!.split(' ').filter((o) => o !== '');
}
