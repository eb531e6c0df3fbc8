import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, type ButtonProps } from 'antd'
import { useState } from 'react'
import { downloadFile } from '../api/client'
import { errorMessage } from './serverErrors'

/**
 * A link to a file the server makes (an export, a zip of forms). Clicking fetches it and saves it under the server's
 * name, busy meanwhile; a refusal is shown as a message. The link stays a link (open in a new tab, save as).
 */
// Other props (a Tooltip's hover handlers and ref) go on to the button.
export function DownloadButton({ href, children, ...rest }: Omit<ButtonProps, 'href' | 'onClick'> & { href: string }) {
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      {...rest}
      icon={<DownloadOutlined aria-hidden />}
      href={href}
      loading={busy}
      onClick={(event) => {
        event.preventDefault()
        if (busy) return
        setBusy(true)
        downloadFile(href)
          .catch((err: unknown) => void message.error(errorMessage(err)))
          .finally(() => setBusy(false))
      }}
    >
      {children}
    </Button>
  )
}
