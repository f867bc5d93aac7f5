import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { useStrings } from '../../i18n';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXS,
    alignSelf: 'stretch',
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  // The native input stays in the page (1 px, clipped) so its accessible name and setInputFiles keep working;
  // its own browser-language texts („Choose File“) are never seen.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    border: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Props of {@link FilePicker}. */
export interface FilePickerProps {
  /** Button text and the native input's accessible name. */
  label: string;
  onFiles: (files: FileList) => void;
  accept?: string;
  multiple?: boolean;
  /** Pick a folder instead of files (webkitdirectory). */
  folder?: boolean;
  disabled?: boolean;
  describedBy?: string;
  /** Offer a drop zone around the button (default: yes). */
  drop?: boolean;
}

/**
 * A Fluent button (and drop zone) in the pane's language in place of the browser's own file input,
 * whose texts follow the browser language. Dropped files go the same way as picked ones.
 */
export function FilePicker({ label, onFiles, accept, multiple, folder, disabled, describedBy, drop = true }: FilePickerProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const dropId = useId();
  const picker = (
    <>
      <input
        ref={(el) => {
          input.current = el;
          if (folder) el?.setAttribute('webkitdirectory', '');
        }}
        className={s.hidden}
        type="file"
        tabIndex={-1}
        aria-label={label}
        {...(describedBy !== undefined && { 'aria-describedby': describedBy })}
        {...(accept !== undefined && { accept })}
        multiple={multiple === true}
        disabled={disabled === true}
        onChange={(e) => {
          const { files } = e.currentTarget;
          if (files && files.length > 0) onFiles(files);
          // the same file can be chosen again after it was removed
          e.currentTarget.value = '';
        }}
      />
      <Button
        disabled={disabled === true}
        aria-describedby={[drop ? dropId : '', describedBy ?? ''].join(' ').trim()}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
    </>
  );
  if (!drop) return picker;
  return (
    <div
      className={mergeClasses(s.zone, over && !disabled && s.over)}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled && e.dataTransfer.files.length > 0) onFiles(e.dataTransfer.files);
      }}
    >
      {picker}
      <Text size={200} id={dropId}>
        {t.picker.drop}
      </Text>
    </div>
  );
}
