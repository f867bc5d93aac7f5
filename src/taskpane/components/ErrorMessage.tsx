import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useStrings } from '../../i18n';

export function ErrorMessage({ message }: { message: string }): React.JSX.Element {
  const t = useStrings();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errors.generic}</MessageBarTitle> {message}
      </MessageBarBody>
    </MessageBar>
  );
}
