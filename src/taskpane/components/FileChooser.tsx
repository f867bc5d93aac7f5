import { Text } from '@fluentui/react-components';
import { useStrings } from '../../i18n';
import { WORKBOOK_TYPES, folderFiles, pickedFiles } from '../picked-files';
import { ChosenFiles } from './ChosenFiles';
import { FilePicker } from './FilePicker';

/** Chromium, Edge, Firefox and Safari offer picking a folder; where not, the button is not shown. */
const FOLDERS_SUPPORTED = typeof document !== 'undefined' && 'webkitdirectory' in document.createElement('input');

/** File mode's „Arbeitsmappe öffnen“ and „Ordner öffnen“, and which files are chosen. */
export function FileChooser({ files, onChange }: { files: readonly File[]; onChange: (files: readonly File[]) => void }): React.JSX.Element {
  const t = useStrings();
  return (
    <>
      <FilePicker label={t.file.open} multiple accept={WORKBOOK_TYPES} onFiles={(list) => onChange(pickedFiles(list))} />
      {FOLDERS_SUPPORTED && <FilePicker label={t.file.openFolder} folder drop={false} onFiles={(list) => onChange(folderFiles(list))} />}
      {files.length === 0 && <Text size={200}>{t.file.noneChosen}</Text>}
      {files.length === 1 && <Text>{t.file.chosen(files[0]!.name)}</Text>}
      {files.length > 1 && <ChosenFiles files={files} onRemove={(i) => onChange(files.filter((_, j) => j !== i))} />}
    </>
  );
}
