import { Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  start: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  stretch: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'stretch' },
});

export interface ViewSectionProps {
  /** The heading's id; the section is labelled by it (its landmark name). */
  headingId: string;
  heading: ReactNode;
  /** 2 for a view, 3 for a part inside one, 4 for a part of that. */
  level?: 2 | 3 | 4;
  /** A column of the children, left-aligned ('start') or full width ('stretch'). */
  stack?: 'start' | 'stretch';
  className?: string;
  children: ReactNode;
}

/** A view or a part of one: a section named by its heading. */
export function ViewSection({ headingId, heading, level = 2, stack, className, children }: ViewSectionProps): React.JSX.Element {
  const s = useStyles();
  const classes = mergeClasses(stack && s[stack], className);
  return (
    <section aria-labelledby={headingId} {...(classes !== '' && { className: classes })}>
      <Subtitle2 as={`h${level}`} id={headingId}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}
