import type { SelectHTMLAttributes } from 'react'
import { useOrganisations } from '../api/resources'
import { SelectField } from './form-field'

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'className' | 'children'> & {
  id?: string
  label: string
  /** The first option, for no organisation chosen yet (or none at all). */
  emptyLabel: string
  value: string
  onChange: (value: string) => void
}

/**
 * A choice of one of the network's organisations by their names (the ones the caller sees under
 * their own name; pseudonyms are never a choice), its value the organisation's id.
 */
export function OrganisationField({ emptyLabel, ...props }: Props) {
  const organisations = useOrganisations()
  const named =
    organisations.status === 'success' ? organisations.data.organisations.filter((o) => o.id > 0) : []
  return (
    <SelectField {...props}>
      <option value="">{emptyLabel}</option>
      {named.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </SelectField>
  )
}
