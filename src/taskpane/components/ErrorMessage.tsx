import { useStrings } from '../../i18n';
import { OutcomeBar } from './OutcomeBar';

/** A failure as the user sees it: „Das hat nicht geklappt:“ and the German message (role alert). */
export function ErrorMessage({ message }: { message: string }): React.JSX.Element {
  const t = useStrings();
  return (
    <OutcomeBar intent="error" role="alert" title={t.errors.generic}>
      {message}
    </OutcomeBar>
  );
}
