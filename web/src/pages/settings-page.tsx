import { useEffect } from 'react'
import { navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import { Loading } from '../components/state-views'

/** The former settings page (mail choices): they are a section of the account page now. */
export default function SettingsPage(_props: PageProps) {
  useEffect(() => navigate('/account#account-mail', { replace: true }), [])
  return <Loading />
}
