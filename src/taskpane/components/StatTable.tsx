import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left', fontWeight: tokens.fontWeightRegular },
  value: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** A labelled two-column table: each row's label is its row header, so screen readers pair them. */
export function StatTable({ label, rows }: { label: string; rows: readonly (readonly [string, string])[] }): React.JSX.Element {
  const s = useStyles();
  return (
    <table className={s.table} aria-label={label}>
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className={s.cell}>
              {name}
            </th>
            <td className={`${s.cell} ${s.value}`}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
