import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { useStrings } from '../../i18n';
import { OutcomeBar } from './OutcomeBar';
import { errorText } from './use-task';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

export interface StartErrorProps {
  message: string;
  /** The pane had started (a view threw later): says so instead of „konnte nicht gestartet werden“. */
  afterStart?: boolean;
  /** Loads the pane again (the page's `location.reload`). */
  onReload: () => void;
}

/** What the pane shows in place of the spinner when it cannot start: what happened and what to do. */
export function StartError({ message, afterStart = false, onReload }: StartErrorProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  return (
    <div className={s.stack}>
      <OutcomeBar intent="error" role="alert" layout="multiline" title={afterStart ? t.start.crashed : t.start.failed}>
        <Text as="p" block>
          {t.start.whatToDo}
        </Text>
        <Text as="p" block>
          {t.start.detail(message)}
        </Text>
      </OutcomeBar>
      <Button appearance="primary" onClick={onReload}>
        {t.start.reload}
      </Button>
    </div>
  );
}

interface BoundaryProps {
  onReload: () => void;
  children: ReactNode;
}

/**
 * A component that throws while rendering shows {@link StartError} instead of an empty pane (React
 * unmounts the whole pane on an uncaught render error): as a failed start when it throws on its
 * first render, else as an error after the start.
 */
export class StartErrorBoundary extends Component<BoundaryProps, { error?: unknown }> {
  override state: { error?: unknown } = {};
  /** The children rendered once without an error. */
  private started = false;

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidMount(): void {
    this.started = !('error' in this.state);
  }

  override render(): ReactNode {
    if (!('error' in this.state)) return this.props.children;
    return <StartError message={errorText(this.state.error)} afterStart={this.started} onReload={this.props.onReload} />;
  }
}
