import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export type OutcomeIntent = 'success' | 'warning' | 'error';

export interface OutcomeBarProps {
  intent: OutcomeIntent;
  /** Bold lead-in before the message (the action's name). */
  title?: string | undefined;
  role?: 'alert';
  layout?: 'multiline';
  children: ReactNode;
}

/** The message bar that says how an action ended: success, a warning or an error. */
export function OutcomeBar({ intent, title, role, layout, children }: OutcomeBarProps): React.JSX.Element {
  return (
    <MessageBar intent={intent} {...(role !== undefined && { role })} {...(layout !== undefined && { layout })}>
      <MessageBarBody>
        {title !== undefined && (
          <>
            <MessageBarTitle>{title}</MessageBarTitle>{' '}
          </>
        )}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
