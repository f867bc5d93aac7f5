import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, alignSelf: 'stretch' },
  item: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', columnGap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
});

/** The files chosen for the next Auswerten, in evaluation order; each can be removed again. */
export function ChosenFiles({ files, onRemove }: { files: readonly File[]; onRemove: (index: number) => void }): React.JSX.Element | null {
  const t = useStrings();
  const s = useStyles();
  if (files.length === 0) return null;
  return (
    <ul className={s.list} aria-label={t.file.chosenFiles}>
      {files.map((f, i) => (
        <li key={`${i}-${f.name}`} className={s.item}>
          <Text>{f.name}</Text>
          <Button size="small" appearance="subtle" aria-label={t.file.remove(f.name)} onClick={() => onRemove(i)}>
            ✕
          </Button>
        </li>
      ))}
    </ul>
  );
}
