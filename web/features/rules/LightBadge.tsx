import { useTranslation } from 'react-i18next'
import type { Light } from '../../../domain/lights'

const colors: Record<Light, string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a', blue: '#1677ff' }

/** A monitoring light as a coloured dot and its name ("黄灯"), readable without the colour. */
export function LightBadge({ light }: { light: Light }) {
  const { t } = useTranslation()
  return (
    <span
      data-light={light}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        padding: '2px 10px',
        borderRadius: 12,
        border: `1px solid ${colors[light]}`,
        background: `${colors[light]}1a`,
        fontWeight: 600,
      }}
    >
      <span aria-hidden style={{ width: 12, height: 12, borderRadius: '50%', background: colors[light] }} />
      {t(`rules.lights.${light}`)}
    </span>
  )
}
